using Gnbv.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class PeriodRowConfiguration : IEntityTypeConfiguration<PeriodRow>
{
    public void Configure(EntityTypeBuilder<PeriodRow> b)
    {
        b.ToTable("periods");
        b.Property(x => x.Code).HasMaxLength(16);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
