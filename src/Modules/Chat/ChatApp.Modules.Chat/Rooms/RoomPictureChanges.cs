using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Points a group room's picture at an image (or at none) and, when that changes anything, stores a
/// <c>room.picture_changed</c> event and publishes <see cref="RoomPictureChangedIntegrationEvent"/> in the same
/// transaction (Media keeps the new image and releases the previous one, as for avatars). The actor's right to change
/// the room is decided under the room's lock (<see cref="GroupRooms.LockManagedAsync"/>).
/// </summary>
internal sealed class RoomPictureChanges(
    ChatDbContext db, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
{
    public async Task<Result> SetAsync(Guid actorId, Guid roomId, Guid? mediaId, CancellationToken cancellationToken)
    {
        var managed = await GroupRooms.LockManagedAsync(db, actorId, roomId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var room = await db.Rooms.SingleAsync(r => r.Id == roomId, cancellationToken);
        if (room.AvatarMediaId == mediaId)
        {
            return Result.Success();
        }

        var previous = room.AvatarMediaId;
        room.AvatarMediaId = mediaId;
        var now = timeProvider.GetUtcNowForStorage();
        db.AddIntegrationEvent(new RoomPictureChangedIntegrationEvent(ids.NewId(), now, roomId, mediaId, previous));
        var change = await RoomChanges.RecordAsync(db, roomId, RoomEventKinds.RoomPictureChanged, actorId, role: null, now, cancellationToken);
        cards.ForgetAfterCommit(afterCommit, roomId);
        afterCommit.Run(ct => notifier.RoomChangedAsync(change, ct));
        await db.SaveChangesAsync(cancellationToken); // the room as returned shows the picture
        return Result.Success();
    }
}
