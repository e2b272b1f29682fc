using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("targets");
        b.HasIndex(x => new { x.IndicatorId, x.DisaggregationId, x.OrgUnitId, x.Year }).IsUnique();
        b.Property(x => x.Value).HasPrecision(24, 6);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Disaggregation).WithMany().HasForeignKey(x => x.DisaggregationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
