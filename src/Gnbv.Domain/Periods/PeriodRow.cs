namespace Gnbv.Domain.Periods;

/// <summary>A period as stored: its identifier plus its start and end, so that queries can compare dates.</summary>
public class PeriodRow
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public PeriodType Type { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    public static PeriodRow From(Period p) => new() { Code = p.Id, Type = p.Type, StartDate = p.Start, EndDate = p.End };

    public Period ToPeriod() => new(Code, Type, StartDate, EndDate);
}
