using Gnbv.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.OfficialCode).HasMaxLength(32);
        b.HasIndex(x => x.OfficialCode);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Path).HasMaxLength(400);
        b.HasIndex(x => x.Path);
        b.Property(x => x.ProvinceCode).HasMaxLength(32);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
