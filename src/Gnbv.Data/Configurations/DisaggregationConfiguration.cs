using Gnbv.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class DisaggregationConfiguration : IEntityTypeConfiguration<Disaggregation>
{
    public void Configure(EntityTypeBuilder<Disaggregation> b)
    {
        b.ToTable("disaggregations");
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
    }
}
