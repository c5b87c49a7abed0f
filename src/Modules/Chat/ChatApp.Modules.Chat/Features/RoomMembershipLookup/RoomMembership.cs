using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.RoomMembershipLookup;

/// <summary>Answers <see cref="IRoomMembership"/> from Chat's tables.</summary>
internal sealed class RoomMembership(ChatDbContext db) : IRoomMembership
{
    public Task<bool> IsMemberAsync(Guid userId, Guid roomId, CancellationToken cancellationToken) =>
        db.IsMemberAsync(roomId, userId, cancellationToken);
}
