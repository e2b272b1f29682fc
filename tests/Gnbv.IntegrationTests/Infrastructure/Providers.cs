namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>Trait values that let the inner loop skip the PostgreSQL runs: --filter Db!=Postgres.</summary>
public static class Db
{
    public const string Trait = "Db";
    public const string Postgres = "Postgres";
    public const string Sqlite = "Sqlite";
}
