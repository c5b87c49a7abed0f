using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Recommendation.Persistence.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("model_versions");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Details).HasMaxLength(4000);
        builder.Property(m => m.Error).HasMaxLength(2000);
    }
}
