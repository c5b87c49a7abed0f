namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Blocks as they affect messaging between two people.</summary>
internal static class Blocks
{
    public static Task<bool> BetweenAsync(ChatDbContext db, Guid a, Guid b, CancellationToken cancellationToken) =>
        db.Blocks.AnyAsync(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a), cancellationToken);
}
