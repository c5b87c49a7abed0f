using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Recommendation.Persistence.Configurations;

internal sealed class PendingScoreConfiguration : IEntityTypeConfiguration<PendingScore>
{
    public void Configure(EntityTypeBuilder<PendingScore> builder)
    {
        builder.ToTable("pending_scores");
        builder.HasKey(s => s.UserId);
    }
}
