using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.RemoveMember;

/// <summary>
/// The owner removes a member or an admin, an admin removes a plain member, or a member (the owner too) leaves by
/// removing themself.
/// </summary>
internal sealed record RemoveMemberCommand(Guid UserId, Guid RoomId, Guid MemberId) : ICommand<Result>;

/// <summary>
/// Removing takes the member's access at once (history, sends, events). When the owner leaves, the longest-standing
/// admin becomes the owner, else the longest-standing member (<see cref="RoomOwnership"/>). The members, and the one who left, are told once that is committed.
/// </summary>
internal sealed class RemoveMemberHandler(ChatDbContext db, IUserDirectory users, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, TimeProvider timeProvider)
    : ICommandHandler<RemoveMemberCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.FindAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        if (command.MemberId != command.UserId && !RoomRoles.Manages(room.Value.MyRole))
        {
            return ChatErrors.NotRoomAdmin;
        }

        await RoomSequence.LockAsync(db, command.RoomId, cancellationToken); // roles and members are read under the room's lock
        var member = await db.RoomMembers.SingleOrDefaultAsync(m => m.RoomId == command.RoomId && m.UserId == command.MemberId, cancellationToken);
        if (member is null)
        {
            return ChatErrors.MemberNotFound;
        }

        if (command.MemberId != command.UserId)
        {
            var actorRole = await db.RoomMembers.Where(m => m.RoomId == command.RoomId && m.UserId == command.UserId).Select(m => (MemberRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
            if (actorRole is not { } actor || !RoomRoles.Manages(actor))
            {
                return ChatErrors.NotRoomAdmin;
            }

            if (!RoomRoles.MayRemove(actor, member.Role))
            {
                return ChatErrors.CannotRemoveManager;
            }
        }

        var now = timeProvider.GetUtcNowForStorage();
        var seq = await RoomSequence.NextAsync(db, command.RoomId, now, lastMessageId: null, cancellationToken);
        Guid? by = command.MemberId == command.UserId ? null : command.UserId;
        db.RoomMembers.Remove(member);
        db.RoomEvents.Add(new RoomEvent
        {
            RoomId = command.RoomId, Seq = seq, Kind = RoomEventKinds.MemberLeft, UserId = command.MemberId, Detail = RoomEventDetails.By(by), OccurredAt = now,
        });
        if (member.Role == MemberRole.Admin && by is not null)
        {
            await InviteRules.RevokeAllAsync(db, command.RoomId, command.MemberId, now, cancellationToken); // a removed admin's links go with them
        }

        var handedOn = member.Role == MemberRole.Owner ? await RoomOwnership.HandOnAsync(db, users, command.RoomId, command.MemberId, now, cancellationToken) : null;

        var left = new MembershipChangedEvent(command.RoomId, seq, RoomEventKinds.MemberLeft, command.MemberId, by);
        cards.ForgetAfterCommit(afterCommit, command.RoomId);
        afterCommit.Run(async ct =>
        {
            await notifier.MembershipChangedAsync(left, ct);
            if (handedOn is not null)
            {
                await notifier.RoomChangedAsync(handedOn, ct);
            }
        });
        return Result.Success();
    }
}
