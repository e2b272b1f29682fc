using Gnbv.Data.Database;
using Gnbv.Domain;
using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Households;

/// <summary>Finds the poverty standard by its code, or the one in force for a census year.</summary>
public sealed class Standards(AppDbContext db)
{
    public async Task<PovertyStandard> ByCodeAsync(string code, CancellationToken ct = default) =>
        await db.PovertyStandards.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, ct)
        ?? throw new DomainException($"Chuẩn nghèo '{code}' không có; có: {string.Join(", ", await db.PovertyStandards.Select(s => s.Code).OrderBy(c => c).ToListAsync(ct))} (unknown standard)");

    public async Task<PovertyStandard> ForYearAsync(int year, CancellationToken ct = default) =>
        await db.PovertyStandards.AsNoTracking().FirstOrDefaultAsync(s => s.FromYear <= year && year <= s.ToYear, ct)
        ?? throw new DomainException($"Không có chuẩn nghèo cho năm {year} (no standard covers this year)");
}
