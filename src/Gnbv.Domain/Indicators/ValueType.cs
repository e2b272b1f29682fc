namespace Gnbv.Domain.Indicators;

public enum IndicatorValueType
{
    Integer = 1,
    Number = 2,
    Percent = 3,
}
