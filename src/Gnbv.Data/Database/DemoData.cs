using Gnbv.Data.Imports;
using Gnbv.Data.Users;
using Gnbv.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

/// <summary>
/// The demo dataset (Bảo Lâm, Cao Bằng, 2023S1, transcribed from the district's 6-month report),
/// loaded through the same import path as a user's file.
/// </summary>
public sealed class DemoData(AppDbContext db, PackageImporter importer, UserAdmin users)
{
    public static readonly string[] Files = ["units-cao-bang.json", "bao-lam-2023S1.json"];

    /// <summary>The demo's password, documented in the README; it exists only where the demo was loaded.</summary>
    public const string Password = "GnbvDemo2023!";

    /// <summary>The demo's users: (user name, full name, role, unit code).</summary>
    public static readonly (string User, string FullName, string Role, string Unit)[] Users =
    [
        ("admin", "Quản trị hệ thống", Roles.Admin, "04"),
        ("baolam", "Cán bộ Phòng LĐ-TB&XH huyện Bảo Lâm", Roles.DistrictOfficer, "042"),
        ("pacmiau", "Cán bộ LĐ-TB&XH thị trấn Pác Miầu", Roles.CommuneOfficer, "01290"),
        ("lybon", "Cán bộ LĐ-TB&XH xã Lý Bôn", Roles.CommuneOfficer, "01294"),
        ("baolam.xem", "Thành viên Ban Chỉ đạo huyện Bảo Lâm", Roles.Viewer, "042"),
    ];

    /// <summary>The demo accounts the last <see cref="LoadAsync"/> created (none when they existed already).</summary>
    public IReadOnlyList<string> CreatedUsers => _created;

    private readonly List<string> _created = [];

    /// <param name="password">The demo accounts' password when they are created; null: the documented <see cref="Password"/>.</param>
    public async Task<IReadOnlyList<(string File, ImportResult Result)>> LoadAsync(bool skipIfLoaded, CancellationToken ct = default, string? password = null)
    {
        _created.Clear();
        var results = new List<(string, ImportResult)>();
        foreach (var file in Files)
        {
            var bytes = Read(file);
            var package = ImportFileReader.ReadJson(bytes);
            var result = await importer.ImportAsync(package,
                new ImportOptions(Source: "demo:" + file, Sha256: ImportFileReader.Sha256(bytes), SkipIfAlreadyImported: skipIfLoaded), ct);
            results.Add((file, result));
        }
        foreach (var (user, fullName, role, unit) in Users)
        {
            var normalized = user.ToUpperInvariant();
            if (!await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            {
                await users.CreateAsync(user, fullName, role, unit, password ?? Password, ct);
                _created.Add(user);
            }
        }
        return results;
    }

    public static byte[] Read(string file) => DatabaseInitializer.ReadEmbedded("Gnbv.Data.Demo." + file);
}
