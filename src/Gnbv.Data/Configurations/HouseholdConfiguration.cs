using Gnbv.Domain.Catalogue;
using Gnbv.Domain.Finance;
using Gnbv.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.HasIndex(x => new { x.OrgUnitId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Village });
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1).ValueGeneratedNever();
        b.Property(x => x.ProvinceCode).HasMaxLength(16);
        b.Property(x => x.Village).HasMaxLength(200);
        b.Property(x => x.HeadName).HasMaxLength(200);
        b.Property(x => x.Ethnicity).HasMaxLength(60);
        b.Property(x => x.PolicyGroups).HasMaxLength(300);
        b.Property(x => x.PovertyCauses).HasMaxLength(300);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Census).WithOne(x => x.Household).HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.ToTable("household_members");
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => x.CitizenId).IsUnique().HasFilter("\"CitizenId\" IS NOT NULL");
        b.Property(x => x.ProvinceCode).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Relation).HasMaxLength(60);
        b.Property(x => x.CitizenId).HasMaxLength(12);
    }
}

public class CensusEntryConfiguration : IEntityTypeConfiguration<CensusEntry>
{
    public void Configure(EntityTypeBuilder<CensusEntry> b)
    {
        b.ToTable("census_entries");
        b.HasIndex(x => new { x.HouseholdId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.Year, x.Status });
        b.Property(x => x.ProvinceCode).HasMaxLength(16);
        b.Property(x => x.SupportPlan).HasMaxLength(1000);
        b.HasOne<PovertyStandard>().WithMany().HasForeignKey(x => x.PovertyStandardId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SupportRecordConfiguration : IEntityTypeConfiguration<SupportRecord>
{
    public void Configure(EntityTypeBuilder<SupportRecord> b)
    {
        b.ToTable("support_records");
        b.HasIndex(x => new { x.HouseholdId, x.Date });
        b.HasIndex(x => x.Date);
        b.Property(x => x.ProvinceCode).HasMaxLength(16);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HouseholdMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ProgramItem>().WithMany().HasForeignKey(x => x.ProgramItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FundingSource>().WithMany().HasForeignKey(x => x.FundingSourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
