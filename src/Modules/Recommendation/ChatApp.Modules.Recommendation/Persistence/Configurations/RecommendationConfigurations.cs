using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Recommendation.Persistence.Configurations;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("ratings");
        builder.HasKey(r => new { r.RaterId, r.RateeId });
        builder.HasIndex(r => r.RateeId);
    }
}

internal sealed class ProfileScoreConfiguration : IEntityTypeConfiguration<ProfileScore>
{
    public void Configure(EntityTypeBuilder<ProfileScore> builder)
    {
        builder.ToTable("profile_scores");
        builder.HasKey(s => s.UserId);
        builder.HasIndex(s => s.ShrunkScore);
    }
}

internal sealed class PendingScoreConfiguration : IEntityTypeConfiguration<PendingScore>
{
    public void Configure(EntityTypeBuilder<PendingScore> builder)
    {
        builder.ToTable("pending_scores");
        builder.HasKey(s => s.UserId);
    }
}

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

internal sealed class RecommendedUserConfiguration : IEntityTypeConfiguration<RecommendedUser>
{
    public void Configure(EntityTypeBuilder<RecommendedUser> builder)
    {
        builder.ToTable("recommended_users");
        builder.HasKey(r => new { r.ModelVersionId, r.RaterId, r.Rank });
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
