using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.RevokeInvite;

/// <summary>
/// Revokes a link at once: a group room's link by the room's owner or an admin, a personal link by its maker. Revoking
/// a revoked link changes nothing; anyone else learns nothing (not found).
/// </summary>
internal sealed record RevokeInviteCommand(Guid UserId, string Code) : ICommand<Result>;

internal sealed class RevokeInviteHandler(ChatDbContext db, TimeProvider timeProvider) : ICommandHandler<RevokeInviteCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeInviteCommand command, CancellationToken cancellationToken)
    {
        var invite = await InviteCodes.FindAsync(db.Invites, command.Code, cancellationToken);
        if (invite is null)
        {
            return ChatErrors.InviteNotFound;
        }

        if (invite.RoomId is { } roomId)
        {
            var room = await GroupRooms.LockManagedAsync(db, command.UserId, roomId, cancellationToken);
            if (!room.IsSuccess)
            {
                return room.Error.Code == ChatErrors.RoomNotFound.Code ? ChatErrors.InviteNotFound : room.Error;
            }
        }
        else if (invite.CreatedBy != command.UserId)
        {
            return ChatErrors.InviteNotFound;
        }

        invite.RevokedAt ??= timeProvider.GetUtcNowForStorage();
        return Result.Success();
    }
}
