using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Recommendation.Persistence.Configurations;

internal sealed class ProfileScoreConfiguration : IEntityTypeConfiguration<ProfileScore>
{
    public void Configure(EntityTypeBuilder<ProfileScore> builder)
    {
        builder.ToTable("profile_scores");
        builder.HasKey(s => s.UserId);
        builder.HasIndex(s => s.ShrunkScore);
    }
}
