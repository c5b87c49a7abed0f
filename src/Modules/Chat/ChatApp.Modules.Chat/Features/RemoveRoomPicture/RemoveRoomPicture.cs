using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.RemoveRoomPicture;

/// <summary>The owner or an admin removes the group room's picture (Media releases the image).</summary>
internal sealed record RemoveRoomPictureCommand(Guid UserId, Guid RoomId) : ICommand<Result>;

internal sealed class RemoveRoomPictureHandler(ChatDbContext db, RoomPictureChanges pictures) : ICommandHandler<RemoveRoomPictureCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveRoomPictureCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.FindManagedAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        return await pictures.SetAsync(command.UserId, command.RoomId, mediaId: null, cancellationToken);
    }
}
