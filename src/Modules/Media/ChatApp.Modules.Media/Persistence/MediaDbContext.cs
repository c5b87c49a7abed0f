using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Media.Persistence;

internal sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : DbContext(options)
{
    public const string Schema = "media";

    public DbSet<MediaImage> Images => Set<MediaImage>();

    public DbSet<MediaVariant> Variants => Set<MediaVariant>();

    public DbSet<MediaUse> Uses => Set<MediaUse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MediaDbContext).Assembly);
        modelBuilder.AddOutbox();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseChatAppConventions();
}
