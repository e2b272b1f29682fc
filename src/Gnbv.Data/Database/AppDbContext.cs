using Gnbv.Data.Users;
using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Documents;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Imports;
using Gnbv.Domain.Indicators;
using Gnbv.Domain.Periods;
using Gnbv.Domain.Reports;
using Gnbv.Domain.Units;
using Gnbv.Domain.Users;
using Gnbv.Domain.Works;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gnbv.Data.Database;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    /// <summary>Who is making the changes being saved; written into change logs.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>
    /// Why (optional): written into the change logs of the changes being saved. Every path that gives
    /// a reason (a package, the CLI's --reason, a census save, a household or support list) sets it
    /// here, so the one text check is here: a control character is refused naming the reason.
    /// </summary>
    public string? Reason
    {
        get;
        set => field = Gnbv.Domain.Formatting.TextCheck.FreeText(value) is { } problem
            ? throw new Gnbv.Domain.DomainException($"Lý do (reason) {problem}")
            : value;
    }

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<PeriodRow> Periods => Set<PeriodRow>();
    public DbSet<ProgramItem> ProgramItems => Set<ProgramItem>();
    public DbSet<FundingSource> FundingSources => Set<FundingSource>();
    public DbSet<CapitalAllocation> CapitalAllocations => Set<CapitalAllocation>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<Disaggregation> Disaggregations => Set<Disaggregation>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<DataValue> DataValues => Set<DataValue>();
    public DbSet<DataValueChange> DataValueChanges => Set<DataValueChange>();
    public DbSet<Work> Works => Set<Work>();
    public DbSet<DirectiveDocument> Documents => Set<DirectiveDocument>();
    public DbSet<ReportSection> ReportSections => Set<ReportSection>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();
    public DbSet<Gnbv.Domain.Workflow.Submission> Submissions => Set<Gnbv.Domain.Workflow.Submission>();
    public DbSet<Gnbv.Domain.Households.PovertyStandard> PovertyStandards => Set<Gnbv.Domain.Households.PovertyStandard>();
    public DbSet<Gnbv.Domain.Households.Household> Households => Set<Gnbv.Domain.Households.Household>();
    public DbSet<Gnbv.Domain.Households.HouseholdMember> HouseholdMembers => Set<Gnbv.Domain.Households.HouseholdMember>();
    public DbSet<Gnbv.Domain.Households.CensusEntry> CensusEntries => Set<Gnbv.Domain.Households.CensusEntry>();
    public DbSet<Gnbv.Domain.Households.SupportRecord> SupportRecords => Set<Gnbv.Domain.Households.SupportRecord>();
    public DbSet<Gnbv.Domain.Workflow.DataSet> DataSets => Set<Gnbv.Domain.Workflow.DataSet>();
    public DbSet<Gnbv.Domain.Audit.AuditEntry> AuditEntries => Set<Gnbv.Domain.Audit.AuditEntry>();
    public DbSet<Gnbv.Domain.Validation.ValidationRule> ValidationRules => Set<Gnbv.Domain.Validation.ValidationRule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
