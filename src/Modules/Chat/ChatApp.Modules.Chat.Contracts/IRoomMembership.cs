namespace ChatApp.Modules.Chat.Contracts;

/// <summary>Whether someone belongs to a room, for modules that keep per-room settings (implemented inside Chat).</summary>
public interface IRoomMembership
{
    /// <summary>True when the user is a member of the room; false for a room that does not exist.</summary>
    Task<bool> IsMemberAsync(Guid userId, Guid roomId, CancellationToken cancellationToken);
}
