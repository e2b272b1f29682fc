using Gnbv.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class ProgramItemConfiguration : IEntityTypeConfiguration<ProgramItem>
{
    public void Configure(EntityTypeBuilder<ProgramItem> b)
    {
        b.ToTable("program_items");
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.ProgramCode).HasMaxLength(64);
        b.Property(x => x.Phase).HasMaxLength(16);
        b.Property(x => x.Decision).HasMaxLength(64);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
