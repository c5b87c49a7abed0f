using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Features.SetRoomPicture;

internal sealed record SetRoomPictureRequest(Guid MediaId);

/// <summary>Uses one of the actor's own avatar-purpose uploads as the group room's picture.</summary>
internal sealed record SetRoomPictureCommand(Guid UserId, Guid RoomId, Guid MediaId) : ICommand<Result<RoomResponse>>;

internal sealed class SetRoomPictureValidator : AbstractValidator<SetRoomPictureCommand>
{
    public SetRoomPictureValidator() => RuleFor(c => c.MediaId).NotEqual(Guid.Empty).OverridePropertyName("mediaId");
}

/// <summary>The owner or an admin; the image is checked through Media's catalog (theirs, purpose avatar, live).</summary>
internal sealed class SetRoomPictureHandler(ChatDbContext db, IMediaCatalog media, RoomPictureChanges pictures, RoomReader reader)
    : ICommandHandler<SetRoomPictureCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(SetRoomPictureCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.FindManagedAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        var found = await media.GetImagesAsync([command.MediaId], cancellationToken);
        if (!found.TryGetValue(command.MediaId, out var image) || image.OwnerId != command.UserId || image.Purpose != MediaPurpose.Avatar)
        {
            return ChatErrors.InvalidRoomPicture;
        }

        var set = await pictures.SetAsync(command.UserId, command.RoomId, command.MediaId, cancellationToken);
        if (!set.IsSuccess)
        {
            return set.Error;
        }

        return (await reader.GetAsync(command.UserId, command.RoomId, cancellationToken))!;
    }
}
