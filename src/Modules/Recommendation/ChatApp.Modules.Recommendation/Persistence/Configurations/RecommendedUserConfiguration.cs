using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Recommendation.Persistence.Configurations;

internal sealed class RecommendedUserConfiguration : IEntityTypeConfiguration<RecommendedUser>
{
    public void Configure(EntityTypeBuilder<RecommendedUser> builder)
    {
        builder.ToTable("recommended_users");
        builder.HasKey(r => new { r.ModelVersionId, r.RaterId, r.Rank });
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(r => r.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
