using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

public static class DbContextSetup
{
    public const string SqliteMigrations = "Gnbv.Data.Sqlite";
    public const string PostgresMigrations = "Gnbv.Data.Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)),
            DatabaseProvider.Postgres => builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
        return builder.AddInterceptors(new ChangeLogInterceptor());
    }

    public static AppDbContext Create(DatabaseOptions options) =>
        new(((DbContextOptionsBuilder<AppDbContext>)Configure(new DbContextOptionsBuilder<AppDbContext>(), options)).Options);
}
