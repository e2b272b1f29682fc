namespace Gnbv.Domain.Periods;

public enum PeriodType
{
    Monthly = 1,
    Quarterly = 2,
    SixMonthly = 3,
    Yearly = 4,
    Phase = 5,
}
