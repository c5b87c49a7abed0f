using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Turns a committed batch of new messages into <c>MessagesCreated</c> frames: one per room holding the batch's
/// messages of that room in sequence order, for the room's members (serialised once per protocol however many members
/// and nodes it goes to). A frame longer than the bound is split, in order.
/// </summary>
internal static class MessageFrames
{
    /// <param name="committed">The batch in commit order, each message with the room's members when it was stored.</param>
    /// <param name="maxMessagesPerFrame">The most messages one frame may hold.</param>
    public static IEnumerable<(Guid RoomId, IReadOnlyList<Guid> Members, MessageResponse[] Messages)> Build(
        IEnumerable<(IReadOnlyList<Guid> Members, MessageResponse Message)> committed, int maxMessagesPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessagesPerFrame, 1);
        foreach (var room in committed.GroupBy(c => c.Message.RoomId))
        {
            var members = room.First().Members;
            var messages = room.Select(c => c.Message).OrderBy(m => m.Seq).ToArray();
            for (var offset = 0; offset < messages.Length; offset += maxMessagesPerFrame)
            {
                yield return (room.Key, members, messages[offset..Math.Min(messages.Length, offset + maxMessagesPerFrame)]);
            }
        }
    }
}
