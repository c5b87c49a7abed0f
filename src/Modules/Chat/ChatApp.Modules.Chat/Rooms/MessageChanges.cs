using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Changes to a sent message (edit, delete), each a room event with its own sequence number.</summary>
internal static class MessageChanges
{
    /// <summary>A message of a room I am a member of, that I sent; a non-member learns nothing.</summary>
    public static async Task<Result<Message>> FindOwnAsync(ChatDbContext db, Guid userId, Guid roomId, Guid messageId, CancellationToken cancellationToken)
    {
        if (!await db.IsMemberAsync(roomId, userId, cancellationToken))
        {
            return ChatErrors.RoomNotFound;
        }

        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.RoomId == roomId, cancellationToken);
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }

        return message.SenderId == userId ? message : ChatErrors.NotMessageSender;
    }

    /// <summary>Applies a change to a message under the room's next sequence number, recorded as a room event (inside the unit of work).</summary>
    public static async Task<long> RecordAsync(ChatDbContext db, Message message, string kind, DateTime now, Action<Message> change, CancellationToken cancellationToken)
    {
        var seq = await RoomSequence.NextAsync(db, message.RoomId, now, lastMessageId: null, cancellationToken);
        change(message);
        db.RoomEvents.Add(new RoomEvent { RoomId = message.RoomId, Seq = seq, Kind = kind, MessageId = message.Id, UserId = message.SenderId, OccurredAt = now });
        return seq;
    }

    /// <summary>
    /// Turns the message into a tombstone (text erased, <c>DeletedAt</c> set) under the room's next sequence number,
    /// and, when it had pictures, tells Media through the outbox (which deletes them once
    /// no message uses them); all in the caller's unit of work. The sender's delete and a moderator's share it.
    /// </summary>
    public static async Task<MessageUpdatedEvent> DeleteAsync(ChatDbContext db, Message message, IIdGenerator ids, DateTime now, CancellationToken cancellationToken)
    {
        var seq = await RecordAsync(db, message, RoomEventKinds.MessageDeleted, now, m =>
        {
            m.Text = "";
            m.DeletedAt = now;
            if (m.Attachments is not null)
            {
                db.AddIntegrationEvent(new MessageDeletedIntegrationEvent(ids.NewId(), now, m.Id, m.RoomId, m.AttachmentIds));
            }
        }, cancellationToken);
        return new MessageUpdatedEvent(message.RoomId, seq, RoomEventKinds.MessageDeleted, MessageResponse.From(message));
    }
}
