using Gnbv.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> b)
    {
        b.ToTable("report_sections");
        b.HasIndex(x => new { x.OrgUnitId, x.PeriodId, x.SectionCode }).IsUnique();
        b.Property(x => x.SectionCode).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.UpdatedBy).HasMaxLength(128);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}
