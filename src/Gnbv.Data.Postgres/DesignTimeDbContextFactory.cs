using Gnbv.Data.Database;
using Microsoft.EntityFrameworkCore.Design;

namespace Gnbv.Data.Postgres;

/// <summary>Lets dotnet-ef build the model for this provider's migrations; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        DbContextSetup.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=gnbv_design;Username=postgres" });
}
