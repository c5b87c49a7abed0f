using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.JoinByInvite;

internal sealed record JoinByInviteCommand(Guid UserId, string Code) : ICommand<Result<RoomResponse>>;

/// <summary>
/// Uses an invite link. A group link adds me to the room (<c>member.joined</c>, told to the members) and counts one use;
/// a member already in the room gets the room back and no use is counted. A personal link opens (or returns) my direct
/// chat with its maker, counting a use only when the chat is new; it is refused when either of us blocked the other.
/// Uses are counted by one conditional UPDATE under the room's lock, so a link with <c>maxUses = k</c> admits exactly k
/// people however many try at once; a refusal after counting (room full) rolls the count back with the transaction.
/// Someone an owner or admin removed cannot come back by a link (<c>chat.removed_from_room</c>) until a member who
/// manages the room adds them again; a link of a room left empty (no owner) answers as not found.
/// </summary>
internal sealed class JoinByInviteHandler(
    ChatDbContext db,
    IUserDirectory users,
    RoomReader reader,
    ChatNotifier notifier,
    RoomCards cards,
    AfterCommit afterCommit,
    IIdGenerator ids,
    IOptions<ChatOptions> options,
    TimeProvider timeProvider) : ICommandHandler<JoinByInviteCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(JoinByInviteCommand command, CancellationToken cancellationToken)
    {
        var invite = await InviteCodes.FindAsync(db.Invites.AsNoTracking(), command.Code, cancellationToken);
        if (invite is null)
        {
            return ChatErrors.InviteNotFound;
        }

        return invite.RoomId is { } roomId
            ? await JoinGroupAsync(command.UserId, invite, roomId, cancellationToken)
            : await OpenDirectAsync(command.UserId, invite, cancellationToken);
    }

    private async Task<Result<RoomResponse>> JoinGroupAsync(Guid userId, Invite invite, Guid roomId, CancellationToken cancellationToken)
    {
        await RoomSequence.LockAsync(db, roomId, cancellationToken);
        if (await db.RoomMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken))
        {
            return (await reader.GetAsync(userId, roomId, cancellationToken))!;
        }

        if (await db.Rooms.Where(r => r.Id == roomId).Select(r => r.OwnerId).SingleOrDefaultAsync(cancellationToken) is null)
        {
            return ChatErrors.InviteNotFound; // the room was left empty: nobody manages it any more
        }

        if (await WasRemovedAsync(userId, roomId, cancellationToken))
        {
            return ChatErrors.RemovedFromRoom;
        }

        var now = timeProvider.GetUtcNowForStorage();
        if (await RefuseUseAsync(invite, now, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.RoomMembers.CountAsync(m => m.RoomId == roomId, cancellationToken) >= options.Value.MaxRoomMembers)
        {
            return ChatErrors.RoomFull;
        }

        var seq = await RoomSequence.NextAsync(db, roomId, now, lastMessageId: null, cancellationToken);
        db.RoomMembers.Add(new RoomMember { RoomId = roomId, UserId = userId, Role = MemberRole.Member, JoinedAt = now, ReadSeq = seq });
        db.RoomEvents.Add(new RoomEvent { RoomId = roomId, Seq = seq, Kind = RoomEventKinds.MemberJoined, UserId = userId, OccurredAt = now });
        var joined = new MembershipChangedEvent(roomId, seq, RoomEventKinds.MemberJoined, userId);
        cards.ForgetAfterCommit(afterCommit, roomId);
        afterCommit.Run(ct => notifier.MembershipChangedAsync(joined, ct));
        await db.SaveChangesAsync(cancellationToken); // the room as returned lists me
        return (await reader.GetAsync(userId, roomId, cancellationToken))!;
    }

    private async Task<Result<RoomResponse>> OpenDirectAsync(Guid userId, Invite invite, CancellationToken cancellationToken)
    {
        var maker = invite.CreatedBy;
        if (maker == userId)
        {
            return ChatErrors.OwnInvite;
        }

        if (!await users.IsActiveAsync(maker, cancellationToken))
        {
            return ChatErrors.InviteNotFound;
        }

        if (await Blocks.BetweenAsync(db, userId, maker, cancellationToken))
        {
            return ChatErrors.Blocked;
        }

        var key = Room.DirectKeyFor(userId, maker);
        var roomId = await db.Rooms.Where(r => r.DirectKey == key).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (roomId is null)
        {
            var now = timeProvider.GetUtcNowForStorage();
            if (await RefuseUseAsync(invite, now, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            // Two people opening the same chat at once: the unique direct key keeps one; the unit of work runs this again.
            var room = new Room { Id = ids.NewId(), Kind = RoomKind.Direct, DirectKey = key, CreatedAt = now, LastActivityAt = now };
            RoomCreation.AddMembers(db, room, [maker, userId], ownerId: null, now);
            await db.SaveChangesAsync(cancellationToken);
            roomId = room.Id;
            afterCommit.Run(ct => notifier.RoomCreatedAsync(room.Id, room.LastSeq, ct));
        }

        return (await reader.GetAsync(userId, roomId.Value, cancellationToken))!;
    }

    /// <summary>
    /// Whether my latest membership event in the room is someone else removing me (<c>member.left</c> whose detail names
    /// who removed me). Being added again (a newer <c>member.joined</c>) lifts it; leaving by myself never sets it.
    /// </summary>
    private async Task<bool> WasRemovedAsync(Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var latest = await db.RoomEvents.AsNoTracking()
            .Where(e => e.RoomId == roomId && e.UserId == userId && (e.Kind == RoomEventKinds.MemberJoined || e.Kind == RoomEventKinds.MemberLeft))
            .OrderByDescending(e => e.Seq)
            .Select(e => new { e.Kind, e.Detail })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is not null && latest.Kind == RoomEventKinds.MemberLeft
            && RoomEventDetails.ByOf(latest.Kind, latest.Detail) is { } by && by != userId;
    }

    /// <summary>Counts a use, or says why the link cannot be used (read again after a refused count, for the reason).</summary>
    private async Task<Error?> RefuseUseAsync(Invite invite, DateTime now, CancellationToken cancellationToken)
    {
        if (await InviteRules.TryUseAsync(db, invite.Id, now, cancellationToken))
        {
            return null;
        }

        var current = await db.Invites.AsNoTracking().SingleAsync(i => i.Id == invite.Id, cancellationToken);
        return InviteRules.Refusal(current, now) ?? ChatErrors.InviteUsedUp;
    }
}
