using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> b)
    {
        b.ToTable("data_values");
        b.HasIndex(x => new { x.IndicatorId, x.DisaggregationId, x.OrgUnitId, x.PeriodId }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.PeriodId });
        b.Property(x => x.Value).HasPrecision(24, 6);
        // Every UPDATE and DELETE names the version it read: a row changed meanwhile is a conflict, not overwritten.
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1).ValueGeneratedNever();
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(128);
        b.Property(x => x.UpdatedBy).HasMaxLength(128);
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Disaggregation).WithMany().HasForeignKey(x => x.DisaggregationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DataValueChangeConfiguration : IEntityTypeConfiguration<DataValueChange>
{
    public void Configure(EntityTypeBuilder<DataValueChange> b)
    {
        b.ToTable("data_value_changes");
        b.HasIndex(x => new { x.IndicatorId, x.OrgUnitId, x.PeriodId });
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.OldValue).HasPrecision(24, 6);
        b.Property(x => x.NewValue).HasPrecision(24, 6);
        b.Property(x => x.OldComment).HasMaxLength(2000);
        b.Property(x => x.NewComment).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(128);
        b.Property(x => x.Reason).HasMaxLength(2000);
    }
}
