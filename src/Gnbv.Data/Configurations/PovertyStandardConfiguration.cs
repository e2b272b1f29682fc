using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class PovertyStandardConfiguration : IEntityTypeConfiguration<PovertyStandard>
{
    public void Configure(EntityTypeBuilder<PovertyStandard> b)
    {
        b.ToTable("poverty_standards");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.LegalBasis).HasMaxLength(1000);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.PovertyStandardId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Indicators).AutoInclude();
    }
}

public class DeprivationIndicatorConfiguration : IEntityTypeConfiguration<DeprivationIndicator>
{
    public void Configure(EntityTypeBuilder<DeprivationIndicator> b)
    {
        b.ToTable("deprivation_indicators");
        b.HasIndex(x => new { x.PovertyStandardId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Dimension).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(500);
    }
}
