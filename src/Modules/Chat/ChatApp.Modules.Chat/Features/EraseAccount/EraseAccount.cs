using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.EraseAccount;

/// <summary>Erases one batch of what Chat holds of a deleted account; send it again until the result says <c>Finished</c>.</summary>
internal sealed record EraseAccountCommand(Guid UserId) : ICommand<EraseAccountResult>;

internal sealed record EraseAccountResult(bool Finished);

/// <summary>
/// A deleted account's traces in Chat, one short transaction per batch, in this order: its messages become tombstones
/// exactly as when the sender deletes one (text erased, attachments dropped and released through
/// <see cref="MessageDeletedIntegrationEvent"/>, a <c>message.deleted</c> room event each), then its reactions are taken
/// back (a <c>reaction.removed</c> event each), then it leaves every room (<c>member.left</c>; a group's ownership
/// passes to the longest-standing admin, else member, or is cleared when nobody is left), and its blocks (both ways) and pending
/// notifications (to and from it) go, and so does its presence (last seen). Every change takes the room's next sequence number, so sequences keep their
/// meaning; room events keep the ids only. Direct rooms stay for the other person, under "Deleted account". Running it
/// again after everything is done changes nothing.
/// </summary>
internal sealed class EraseAccountHandler(
    ChatDbContext db,
    IUserDirectory users,
    ChatNotifier notifier,
    IPresenceStore presence,
    RoomCards cards,
    AfterCommit afterCommit,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<EraseAccountCommand, EraseAccountResult>
{
    public const int BatchSize = 200;

    public async ValueTask<EraseAccountResult> Handle(EraseAccountCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var userId = command.UserId;
        if (await TombstoneMessagesAsync(userId, now, cancellationToken) || await RemoveReactionsAsync(userId, now, cancellationToken))
        {
            return new EraseAccountResult(Finished: false);
        }

        if (await LeaveRoomsAsync(userId, now, cancellationToken))
        {
            return new EraseAccountResult(Finished: false);
        }

        await db.Rooms.Where(r => r.OwnerId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, (Guid?)null), cancellationToken);
        await db.Reactions.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Blocks.Where(b => b.BlockerId == userId || b.BlockedId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Invites.Where(i => i.RoomId == null && i.CreatedBy == userId).ExecuteDeleteAsync(cancellationToken); // personal links lead to nobody now
        await db.PendingNotifications.Where(n => n.UserId == userId || n.SenderId == userId).ExecuteDeleteAsync(cancellationToken);
        afterCommit.Run(_ => presence.ForgetAsync(userId));
        return new EraseAccountResult(Finished: true);
    }

    /// <summary>
    /// The next batch of the person's messages become tombstones; false when none was left. Each room is locked first
    /// (in id order) and its messages are read under the lock, so two runs at once tombstone each message once.
    /// </summary>
    private async Task<bool> TombstoneMessagesAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var roomIds = await db.Messages
            .Where(m => m.SenderId == userId && m.DeletedAt == null)
            .Select(m => m.RoomId).Distinct().OrderBy(id => id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (roomIds.Count == 0)
        {
            return false;
        }

        var messages = new List<Message>();
        foreach (var roomId in roomIds)
        {
            if (messages.Count >= BatchSize)
            {
                break;
            }

            await RoomSequence.LockAsync(db, roomId, cancellationToken);
            messages.AddRange(await db.Messages
                .Where(m => m.RoomId == roomId && m.SenderId == userId && m.DeletedAt == null)
                .OrderBy(m => m.Seq)
                .Take(BatchSize - messages.Count)
                .ToListAsync(cancellationToken));
        }

        var changes = new List<MessageUpdatedEvent>(messages.Count);
        foreach (var room in messages.GroupBy(m => m.RoomId).OrderBy(g => g.Key))
        {
            var seq = await ReserveAsync(room.Key, room.Count(), now, cancellationToken);
            foreach (var message in room)
            {
                if (message.Attachments is not null)
                {
                    // In the same transaction, through the outbox: Media deletes the pictures once no message uses them.
                    db.AddIntegrationEvent(new MessageDeletedIntegrationEvent(ids.NewId(), now, message.Id, message.RoomId, message.AttachmentIds));
                }

                message.Text = "";
                message.Attachments = null;
                message.DeletedAt = now;
                db.RoomEvents.Add(new RoomEvent { RoomId = room.Key, Seq = seq, Kind = RoomEventKinds.MessageDeleted, MessageId = message.Id, UserId = userId, OccurredAt = now });
                changes.Add(new MessageUpdatedEvent(room.Key, seq, RoomEventKinds.MessageDeleted, MessageResponse.From(message)));
                seq++;
            }
        }

        afterCommit.Run(async ct =>
        {
            foreach (var change in changes)
            {
                await notifier.MessageUpdatedAsync(change, ct);
            }
        });
        return true;
    }

    /// <summary>The next batch of the person's reactions is taken back (read under each room's lock); false when none was left.</summary>
    private async Task<bool> RemoveReactionsAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var roomIds = await (
                from reaction in db.Reactions
                where reaction.UserId == userId
                join message in db.Messages on reaction.MessageId equals message.Id
                select message.RoomId)
            .Distinct().OrderBy(id => id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (roomIds.Count == 0)
        {
            return false;
        }

        var reactions = new List<(Reaction Reaction, Guid RoomId)>();
        foreach (var roomId in roomIds)
        {
            if (reactions.Count >= BatchSize)
            {
                break;
            }

            await RoomSequence.LockAsync(db, roomId, cancellationToken);
            var inRoom = await (
                    from reaction in db.Reactions
                    where reaction.UserId == userId
                    join message in db.Messages on reaction.MessageId equals message.Id
                    where message.RoomId == roomId
                    orderby reaction.MessageId, reaction.Emoji
                    select reaction)
                .Take(BatchSize - reactions.Count)
                .ToListAsync(cancellationToken);
            reactions.AddRange(inRoom.Select(r => (r, roomId)));
        }

        if (reactions.Count == 0)
        {
            return true;
        }

        var changes = new List<ReactionChangedEvent>(reactions.Count);
        foreach (var room in reactions.GroupBy(r => r.RoomId))
        {
            var seq = await ReserveAsync(room.Key, room.Count(), now, cancellationToken);
            foreach (var reaction in room.Select(r => r.Reaction))
            {
                db.Reactions.Remove(reaction);
                db.RoomEvents.Add(new RoomEvent
                {
                    RoomId = room.Key, Seq = seq, Kind = RoomEventKinds.ReactionRemoved, MessageId = reaction.MessageId, UserId = userId, Detail = reaction.Emoji, OccurredAt = now,
                });
                changes.Add(new ReactionChangedEvent(room.Key, seq, RoomEventKinds.ReactionRemoved, reaction.MessageId, userId, reaction.Emoji));
                seq++;
            }
        }

        afterCommit.Run(async ct =>
        {
            foreach (var change in changes)
            {
                await notifier.ReactionChangedAsync(change, ct);
            }
        });
        return true;
    }

    /// <summary>
    /// Leaves the next <see cref="BatchSize"/> rooms as <c>RemoveMember</c> does, handing a group's ownership on; true
    /// when rooms were left (there may be more), false when none was left. The membership is read under the room's lock.
    /// </summary>
    private async Task<bool> LeaveRoomsAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var roomIds = await db.RoomMembers.Where(m => m.UserId == userId).OrderBy(m => m.RoomId).Select(m => m.RoomId).Take(BatchSize).ToListAsync(cancellationToken);
        if (roomIds.Count == 0)
        {
            return false;
        }

        var changes = new List<MembershipChangedEvent>(roomIds.Count);
        var handOvers = new List<RoomChangedEvent>();
        foreach (var roomId in roomIds)
        {
            await RoomSequence.LockAsync(db, roomId, cancellationToken);
            var membership = await db.RoomMembers.SingleOrDefaultAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken);
            if (membership is null)
            {
                continue;
            }

            var seq = await RoomSequence.NextAsync(db, roomId, now, lastMessageId: null, cancellationToken);
            db.RoomMembers.Remove(membership);
            db.RoomEvents.Add(new RoomEvent { RoomId = roomId, Seq = seq, Kind = RoomEventKinds.MemberLeft, UserId = userId, OccurredAt = now });
            var ownerId = await db.Rooms.Where(r => r.Id == roomId).Select(r => r.OwnerId).SingleAsync(cancellationToken);
            if (ownerId == userId && await RoomOwnership.HandOnAsync(db, users, roomId, userId, now, cancellationToken) is { } handedOn)
            {
                handOvers.Add(handedOn);
            }

            changes.Add(new MembershipChangedEvent(roomId, seq, RoomEventKinds.MemberLeft, userId));
            cards.ForgetAfterCommit(afterCommit, roomId);
        }

        afterCommit.Run(async ct =>
        {
            foreach (var change in changes)
            {
                await notifier.MembershipChangedAsync(change, ct);
            }

            foreach (var change in handOvers)
            {
                await notifier.RoomChangedAsync(change, ct);
            }
        });
        return true;
    }

    /// <summary>Reserves <paramref name="count"/> numbers of the room (locking it); returns the first.</summary>
    private async Task<long> ReserveAsync(Guid roomId, int count, DateTime now, CancellationToken cancellationToken)
    {
        await RoomSequence.AdvanceAsync(db, roomId, count, now, lastMessageId: null, cancellationToken);
        return (await RoomSequence.LastAsync(db, [roomId], cancellationToken))[roomId] - count + 1;
    }
}
