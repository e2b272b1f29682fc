using Gnbv.Domain.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class WorkConfiguration : IEntityTypeConfiguration<Work>
{
    public void Configure(EntityTypeBuilder<Work> b)
    {
        b.ToTable("works");
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.Location).HasMaxLength(300);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ProgramItem).WithMany().HasForeignKey(x => x.ProgramItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
