using Gnbv.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => new { x.OrgUnitId, x.ChangedAt });
        b.Property(x => x.Entity).HasMaxLength(32);
        b.Property(x => x.EntityKey).HasMaxLength(400);
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(128);
    }
}
