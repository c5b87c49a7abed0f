using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Persistence;

internal sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options)
{
    public const string Schema = "chat";

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<RoomMember> RoomMembers => Set<RoomMember>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<RoomEvent> RoomEvents => Set<RoomEvent>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<PendingNotification> PendingNotifications => Set<PendingNotification>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<MessageSearchBlock> MessageSearchBlocks => Set<MessageSearchBlock>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
        if (Database.ProviderName?.Contains("MySql", StringComparison.Ordinal) == true)
        {
            // MySQL's case-insensitive Unicode collations weigh most emoji alike (👍 = 😀): compare emoji byte for byte.
            modelBuilder.Entity<Reaction>().Property(r => r.Emoji).UseCollation("utf8mb4_bin");
            modelBuilder.Entity<RoomEvent>().Property(e => e.Detail).UseCollation("utf8mb4_bin");
        }
        modelBuilder.AddOutbox();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseChatAppConventions();
}
