using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.RemoveMember;

/// <summary>The owner removes a member, or a member (the owner too) leaves by removing themself.</summary>
internal sealed record RemoveMemberCommand(Guid UserId, Guid RoomId, Guid MemberId) : ICommand<Result>;

/// <summary>
/// Removing takes the member's access at once (history, sends, events). When the owner leaves, the longest-standing
/// member becomes the owner. The members, and the one who left, are told once that is committed.
/// </summary>
internal sealed class RemoveMemberHandler(ChatDbContext db, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, TimeProvider timeProvider)
    : ICommandHandler<RemoveMemberCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.FindAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        if (command.MemberId != command.UserId && room.Value.OwnerId != command.UserId)
        {
            return ChatErrors.NotRoomOwner;
        }

        var member = await db.RoomMembers.SingleOrDefaultAsync(m => m.RoomId == command.RoomId && m.UserId == command.MemberId, cancellationToken);
        if (member is null)
        {
            return ChatErrors.MemberNotFound;
        }

        var now = timeProvider.GetUtcNowForStorage();
        var seq = await RoomSequence.NextAsync(db, command.RoomId, now, lastMessageId: null, cancellationToken);
        db.RoomMembers.Remove(member);
        db.RoomEvents.Add(new RoomEvent { RoomId = command.RoomId, Seq = seq, Kind = RoomEventKinds.MemberLeft, UserId = command.MemberId, OccurredAt = now });
        if (room.Value.OwnerId == command.MemberId)
        {
            var heir = await db.RoomMembers
                .Where(m => m.RoomId == command.RoomId && m.UserId != command.MemberId)
                .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                .FirstOrDefaultAsync(cancellationToken);
            Guid? newOwner = heir?.UserId;
            if (heir is not null)
            {
                heir.Role = MemberRole.Owner;
            }

            await db.Rooms.Where(r => r.Id == command.RoomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, newOwner), cancellationToken);
        }

        var left = new MembershipChangedEvent(command.RoomId, seq, RoomEventKinds.MemberLeft, command.MemberId);
        cards.ForgetAfterCommit(afterCommit, command.RoomId);
        afterCommit.Run(ct => notifier.MembershipChangedAsync(left, ct));
        return Result.Success();
    }
}
