using Gnbv.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class CapitalAllocationConfiguration : IEntityTypeConfiguration<CapitalAllocation>
{
    public void Configure(EntityTypeBuilder<CapitalAllocation> b)
    {
        b.ToTable("capital_allocations");
        // Money is whole đồng in a 64-bit integer: exact, and comparable in SQL on both databases.
        b.HasIndex(x => new { x.OrgUnitId, x.ProgramItemId, x.FundingSourceId, x.Year, x.CarriedOverFromYear }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ProgramItem).WithMany().HasForeignKey(x => x.ProgramItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.FundingSource).WithMany().HasForeignKey(x => x.FundingSourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Decision).WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.SetNull);
    }
}
