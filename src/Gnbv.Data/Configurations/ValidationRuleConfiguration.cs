using Gnbv.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gnbv.Data.Configurations;

public class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> b)
    {
        b.ToTable("validation_rules");
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Severity).HasMaxLength(16);
        b.Property(x => x.Left).HasMaxLength(1000);
        b.Property(x => x.Operator).HasMaxLength(16);
        b.Property(x => x.Right).HasMaxLength(1000);
        b.Property(x => x.Tolerance).HasPrecision(12, 6);
        b.Property(x => x.Parameters).HasMaxLength(300);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.PeriodTypes).HasMaxLength(100);
    }
}
