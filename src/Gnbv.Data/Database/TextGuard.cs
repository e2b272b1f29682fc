using Gnbv.Domain;
using Gnbv.Domain.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

/// <summary>
/// The last line of the text check: in every SaveChanges, no added or changed text column may hold
/// what <see cref="TextCheck.FreeText"/> refuses. The inputs check first and name the row and field
/// (JSON path, line and column, form field); this catches a path that does not (a command-line
/// option, a future page), so that PostgreSQL never answers a NUL with a 500 while SQLite stores it.
/// </summary>
internal static class TextGuard
{
    public static void Check(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string text) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                if (TextCheck.FreeText(text) is { } problem)
                    throw new DomainException($"{entry.Metadata.ClrType.Name}.{property.Metadata.Name} {problem}");
            }
        }
    }
}
