using Gnbv.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class DirectiveDocumentConfiguration : IEntityTypeConfiguration<DirectiveDocument>
{
    public void Configure(EntityTypeBuilder<DirectiveDocument> b)
    {
        b.ToTable("documents");
        b.Property(x => x.Number).HasMaxLength(64);
        // Numbers restart every year and per issuer, so the number alone is not a key.
        b.HasIndex(x => new { x.Number, x.IssuedOn }).IsUnique();
        b.Property(x => x.Kind).HasMaxLength(8);
        b.Property(x => x.IssuerName).HasMaxLength(300);
        b.Property(x => x.Subject).HasMaxLength(2000);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.HasOne(x => x.IssuerUnit).WithMany().HasForeignKey(x => x.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ProgramItems).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DocumentProgramItemConfiguration : IEntityTypeConfiguration<DocumentProgramItem>
{
    public void Configure(EntityTypeBuilder<DocumentProgramItem> b)
    {
        b.ToTable("document_program_items");
        b.HasKey(x => new { x.DocumentId, x.ProgramItemId });
        b.HasOne(x => x.ProgramItem).WithMany().HasForeignKey(x => x.ProgramItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
