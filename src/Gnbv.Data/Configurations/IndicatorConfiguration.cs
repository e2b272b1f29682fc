using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.UnitOfMeasure).HasMaxLength(64);
        b.HasOne(x => x.ProgramItem).WithMany().HasForeignKey(x => x.ProgramItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Disaggregations).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class IndicatorDisaggregationConfiguration : IEntityTypeConfiguration<IndicatorDisaggregation>
{
    public void Configure(EntityTypeBuilder<IndicatorDisaggregation> b)
    {
        b.ToTable("indicator_disaggregations");
        b.HasKey(x => new { x.IndicatorId, x.DisaggregationId });
        b.HasOne(x => x.Disaggregation).WithMany().HasForeignKey(x => x.DisaggregationId).OnDelete(DeleteBehavior.Restrict);
    }
}
