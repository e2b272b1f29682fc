namespace Gnbv.Domain.Works;

public enum WorkStatus
{
    Planned = 1,
    Bidding = 2,
    UnderConstruction = 3,
    Completed = 4,
    Suspended = 5,
}
