using Gnbv.Domain.Periods;
using Gnbv.Domain.Units;

namespace Gnbv.Domain.Workflow;

public enum SubmissionState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>Where a unit's data set for a period stands: draft, submitted, approved by the level above (locked), returned.</summary>
public class Submission
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int PeriodId { get; set; }
    public PeriodRow? Period { get; set; }

    /// <summary>Which <see cref="DataSet"/> (values, capital, works, narrative).</summary>
    public string DataSet { get; set; } = DataSets.Values;
    public SubmissionState State { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public List<SubmissionEvent> Events { get; set; } = [];
}

/// <summary>One step of the workflow, kept for the audit: who moved it, when, from what to what, why.</summary>
public class SubmissionEvent
{
    public long Id { get; set; }
    public int SubmissionId { get; set; }
    public SubmissionState From { get; set; }
    public SubmissionState To { get; set; }
    public string Actor { get; set; } = "";
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A change that the workflow's state forbids (approved data, a step out of order): answered with 409.</summary>
public sealed class WorkflowConflictException(string message) : DomainException(message);
