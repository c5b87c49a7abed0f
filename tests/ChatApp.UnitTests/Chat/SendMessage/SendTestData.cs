using ChatApp.BuildingBlocks.Results;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.UnitTests.Chat.SendMessage;

/// <summary>People, rooms and sends for the send path's tests.</summary>
internal static class SendTestData
{
    public static readonly Guid Ann = Guid.NewGuid(), Bob = Guid.NewGuid(), Cid = Guid.NewGuid(), Dan = Guid.NewGuid();

    public static PendingSend Send(Guid user, Guid room, string clientMessageId = "c1", Guid? replyTo = null) =>
        new(new SendMessageCommand(user, room, clientMessageId, "hi", replyTo));

    public static Message Stored(Guid user, Guid room, string clientMessageId, long seq = 1) => new()
    {
        Id = Guid.NewGuid(), RoomId = room, Seq = seq, SenderId = user, ClientMessageId = clientMessageId, Text = "hi", CreatedAt = DateTime.UnixEpoch,
    };

    public static MessageResponse Response(SendMessageCommand command, long seq) =>
        new(Guid.NewGuid(), command.RoomId, seq, command.UserId, command.ClientMessageId, command.Text, command.ReplyTo, DateTime.UnixEpoch, null, false, []);

    /// <summary>A committed batch of one room as the store hands it to the broadcast: Ann's messages with these numbers.</summary>
    public static List<StoredMessage> StoredBatch(Guid room, IReadOnlyList<Guid> members, params long[] seqs) => seqs
        .Select(seq =>
        {
            var pending = Send(Ann, room, $"c{seq}");
            return new StoredMessage(pending, Stored(Ann, room, $"c{seq}", seq), new RoomInfo(RoomKind.Group, members)) { Response = Response(pending.Command, seq) };
        })
        .ToList();

    /// <summary>The answer a send got, or null while it has none.</summary>
    public static Result<SendMessageResult>? Answer(PendingSend pending) =>
        pending.Completion.Task.IsCompletedSuccessfully ? pending.Completion.Task.Result : null;
}
