namespace ChatApp.Modules.Chat.Features.RelationsLookup;

/// <summary>Answers <see cref="IChatRelations"/> from Chat's tables.</summary>
internal sealed class ChatRelations(ChatDbContext db) : IChatRelations
{
    public async Task<ChatRelation> GetRelationAsync(Guid userId, Guid otherUserId, CancellationToken cancellationToken)
    {
        var blocked = await db.Blocks.AsNoTracking().AnyAsync(
            b => (b.BlockerId == userId && b.BlockedId == otherUserId) || (b.BlockerId == otherUserId && b.BlockedId == userId), cancellationToken);
        var sharedRooms = db.RoomMembers.Where(m => m.UserId == userId).Select(m => m.RoomId)
            .Intersect(db.RoomMembers.Where(m => m.UserId == otherUserId).Select(m => m.RoomId));
        var talked = await sharedRooms.AnyAsync(
            room => db.Messages.Any(m => m.RoomId == room && m.SenderId == userId) && db.Messages.Any(m => m.RoomId == room && m.SenderId == otherUserId),
            cancellationToken);
        return new ChatRelation(blocked, talked);
    }

    public async Task<IReadOnlySet<Guid>> GetBlockedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var pairs = await db.Blocks.AsNoTracking()
            .Where(b => b.BlockerId == userId || b.BlockedId == userId)
            .Select(b => b.BlockerId == userId ? b.BlockedId : b.BlockerId)
            .ToListAsync(cancellationToken);
        return pairs.ToHashSet();
    }
}
