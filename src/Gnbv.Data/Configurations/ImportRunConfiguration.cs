using Gnbv.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("import_runs");
        b.Property(x => x.Source).HasMaxLength(300);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.Sha256);
        b.Property(x => x.ImportedBy).HasMaxLength(128);
    }
}
