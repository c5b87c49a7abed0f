namespace ChatApp.Modules.Chat.Contracts;

/// <summary>What other modules may ask Chat about two people, synchronously (implemented inside Chat).</summary>
public interface IChatRelations
{
    /// <summary>Whether either blocked the other, and whether they have talked: they share a room in which both have sent at least one message.</summary>
    Task<ChatRelation> GetRelationAsync(Guid userId, Guid otherUserId, CancellationToken cancellationToken);

    /// <summary>Everyone the user blocked or was blocked by.</summary>
    Task<IReadOnlySet<Guid>> GetBlockedAsync(Guid userId, CancellationToken cancellationToken);
}
