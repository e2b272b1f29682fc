using System.Text;
using Gnbv.Data.Database;
using Gnbv.Domain;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Units;

/// <summary>Finds a unit by code, official code or exact name, as officers type them.</summary>
public sealed class UnitResolver(AppDbContext db)
{
    /// <param name="period">When given, a name shared by several units is narrowed to those valid in the period.</param>
    public async Task<OrgUnit> ResolveAsync(string text, Period? period = null, CancellationToken ct = default)
    {
        var key = text.Trim().Normalize(NormalizationForm.FormC);
        if (key.Length == 0) throw new DomainException("Thiếu đơn vị (unit is empty)");
        var byCode = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == key, ct);
        if (byCode is not null) return byCode;

        var candidates = await db.OrgUnits.AsNoTracking().Where(u => u.OfficialCode == key).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            var lower = key.ToLowerInvariant();
            // Names are compared in memory: SQLite's lower() does not fold Vietnamese letters.
            candidates = (await db.OrgUnits.AsNoTracking().ToListAsync(ct))
                .Where(u => u.Name.Normalize(NormalizationForm.FormC).ToLowerInvariant() == lower)
                .ToList();
        }
        if (candidates.Count > 1 && period is not null)
        {
            var valid = candidates.Where(u => (u.ValidFrom is null || u.ValidFrom <= period.End) && (u.ValidTo is null || u.ValidTo >= period.Start)).ToList();
            if (valid.Count > 0) candidates = valid;
        }
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new DomainException($"Không tìm thấy đơn vị '{key}' theo mã hoặc tên (unknown unit)"),
            _ => throw new DomainException($"Tên '{key}' trùng nhiều đơn vị, hãy dùng mã: " +
                string.Join("; ", candidates.Select(c => $"{c.Code} {UnitKinds.VietnameseName(c.Kind)} {c.Name}")) + " (ambiguous unit)"),
        };
    }
}
