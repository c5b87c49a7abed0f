using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Recommendation.Persistence.Configurations;

internal sealed class TrainingLeaseConfiguration : IEntityTypeConfiguration<TrainingLease>
{
    public void Configure(EntityTypeBuilder<TrainingLease> builder)
    {
        builder.ToTable("training_leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
    }
}
