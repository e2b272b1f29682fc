namespace Gnbv.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs a hot standby of the test server: skipped, with the reason, when there is no
/// test server (GNBV_TEST_POSTGRES) or no pg_basebackup to copy it with.
/// </summary>
public sealed class StandbyFactAttribute : FactAttribute
{
    public StandbyFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GNBV_TEST_POSTGRES")))
            Skip = "GNBV_TEST_POSTGRES is not set: scripts/test.sh starts a throwaway PostgreSQL";
        else if (HotStandby.FindBinaries() is null)
            Skip = "pg_basebackup not found under /usr/lib/postgresql (apt-get install postgresql)";
    }
}
