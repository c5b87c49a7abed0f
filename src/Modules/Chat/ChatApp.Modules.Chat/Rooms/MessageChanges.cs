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
}
