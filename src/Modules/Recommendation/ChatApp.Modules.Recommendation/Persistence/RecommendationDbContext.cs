using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Recommendation.Persistence;

internal sealed class RecommendationDbContext(DbContextOptions<RecommendationDbContext> options) : DbContext(options)
{
    public const string Schema = "recommendation";

    public DbSet<Rating> Ratings => Set<Rating>();

    public DbSet<ProfileScore> ProfileScores => Set<ProfileScore>();

    public DbSet<PendingScore> PendingScores => Set<PendingScore>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<RecommendedUser> RecommendedUsers => Set<RecommendedUser>();

    public DbSet<TrainingLease> TrainingLeases => Set<TrainingLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RecommendationDbContext).Assembly);
        modelBuilder.AddOutbox();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseChatAppConventions();
}
