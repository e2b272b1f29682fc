namespace Gnbv.Domain.Indicators;

/// <summary>How values combine up the unit tree and across periods.</summary>
public enum AggregationType
{
    /// <summary>Counts, money, areas: the district's figure is the sum of its communes'.</summary>
    Sum = 1,
    Average = 2,

    /// <summary>Rates and targets: never added up; only the unit's own value in the exact period counts.</summary>
    None = 3,
}
