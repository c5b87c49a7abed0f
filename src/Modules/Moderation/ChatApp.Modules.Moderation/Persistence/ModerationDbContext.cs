using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Moderation.Persistence;

internal sealed class ModerationDbContext(DbContextOptions<ModerationDbContext> options) : DbContext(options)
{
    public const string Schema = "moderation";

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<Notice> Notices => Set<Notice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModerationDbContext).Assembly);
        modelBuilder.AddOutbox();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseChatAppConventions();
}
