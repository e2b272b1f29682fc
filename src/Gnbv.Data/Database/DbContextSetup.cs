using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

public static class DbContextSetup
{
    public const string SqliteMigrations = "Gnbv.Data.Sqlite";
    public const string PostgresMigrations = "Gnbv.Data.Postgres";

    /// <param name="clock">Stamps change logs and audit entries and decides what a lock covers today: the one registered in DI, so a pinned clock pins them too.</param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options, TimeProvider clock)
    {
        _ = options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)),
            DatabaseProvider.Postgres => builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
        return builder.AddInterceptors(new ChangeLogInterceptor(clock));
    }

    /// <summary>A context outside DI (design time, tests, tools); <paramref name="clock"/> defaults to the system clock.</summary>
    public static AppDbContext Create(DatabaseOptions options, TimeProvider? clock = null) =>
        new(((DbContextOptionsBuilder<AppDbContext>)Configure(new DbContextOptionsBuilder<AppDbContext>(), options, clock ?? TimeProvider.System)).Options);
}
