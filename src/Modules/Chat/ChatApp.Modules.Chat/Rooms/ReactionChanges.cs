using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Adds or removes one person's reaction to a message. Idempotent: a change that is already so takes no sequence number
/// and tells no one. A real change is a room event with its own number, told to the members once committed.
/// </summary>
internal sealed class ReactionChanges(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit, TimeProvider timeProvider)
{
    public async Task<Result> ApplyAsync(Guid userId, Guid roomId, Guid messageId, string emoji, bool add, CancellationToken cancellationToken)
    {
        emoji = UserText.Normalize(emoji, UserTextKind.Name);
        if (!await db.IsMemberAsync(roomId, userId, cancellationToken))
        {
            return ChatErrors.RoomNotFound;
        }

        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.RoomId == roomId)
            .Select(m => new { m.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }

        if (message.DeletedAt is not null)
        {
            return ChatErrors.MessageDeleted;
        }

        // The room's lock orders concurrent reactions of the room: whoever comes second sees the first one's reaction.
        await RoomSequence.LockAsync(db, roomId, cancellationToken);
        var exists = await db.Reactions.AnyAsync(r => r.MessageId == messageId && r.UserId == userId && r.Emoji == emoji, cancellationToken);
        if (exists == add)
        {
            return Result.Success();
        }

        var now = timeProvider.GetUtcNowForStorage();
        var kind = add ? RoomEventKinds.ReactionAdded : RoomEventKinds.ReactionRemoved;
        var seq = await RoomSequence.NextAsync(db, roomId, now, lastMessageId: null, cancellationToken);
        if (add)
        {
            db.Reactions.Add(new Reaction { MessageId = messageId, UserId = userId, Emoji = emoji, CreatedAt = now });
        }
        else
        {
            await db.Reactions.Where(r => r.MessageId == messageId && r.UserId == userId && r.Emoji == emoji).ExecuteDeleteAsync(cancellationToken);
        }

        db.RoomEvents.Add(new RoomEvent { RoomId = roomId, Seq = seq, Kind = kind, MessageId = messageId, UserId = userId, Detail = emoji, OccurredAt = now });
        var changed = new ReactionChangedEvent(roomId, seq, kind, messageId, userId, emoji);
        afterCommit.Run(ct => notifier.ReactionChangedAsync(changed, ct));
        return Result.Success();
    }
}
