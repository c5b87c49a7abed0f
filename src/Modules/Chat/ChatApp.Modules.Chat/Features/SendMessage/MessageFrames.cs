using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Turns a committed batch of new messages into <c>MessagesCreated</c> frames: every member gets, in one frame, all of
/// the batch's messages of the rooms they belong to, in commit order (so in sequence order within each room); members who get the same rooms share a
/// frame (one serialisation). A frame longer than the bound is split, in order.
/// </summary>
internal static class MessageFrames
{
    /// <param name="committed">The batch in commit order (usually grouped by room), each message with the room's members
    /// when it was stored.</param>
    /// <param name="maxMessagesPerFrame">The most messages one frame may hold.</param>
    public static IEnumerable<(IReadOnlyList<string> Users, MessageResponse[] Messages)> Build(
        IEnumerable<(IReadOnlyList<Guid> Members, MessageResponse Message)> committed, int maxMessagesPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessagesPerFrame, 1);
        var rooms = new List<(IReadOnlyList<Guid> Members, List<MessageResponse> Messages)>();
        foreach (var (members, message) in committed)
        {
            if (rooms.Count == 0 || rooms[^1].Messages[0].RoomId != message.RoomId)
            {
                rooms.Add((members, []));
            }

            rooms[^1].Messages.Add(message);
        }

        var roomsOfUser = new Dictionary<Guid, List<int>>();
        for (var i = 0; i < rooms.Count; i++)
        {
            foreach (var member in rooms[i].Members)
            {
                if (!roomsOfUser.TryGetValue(member, out var list))
                {
                    roomsOfUser[member] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var audience in roomsOfUser.GroupBy(kv => string.Join(',', kv.Value)))
        {
            // Guids are formatted here, not in SQL: SignalR user ids are lower-case.
            IReadOnlyList<string> users = audience.Select(kv => kv.Key.ToString()).ToList();
            var messages = audience.First().Value.SelectMany(i => rooms[i].Messages).ToArray();
            for (var offset = 0; offset < messages.Length; offset += maxMessagesPerFrame)
            {
                yield return (users, messages[offset..Math.Min(messages.Length, offset + maxMessagesPerFrame)]);
            }
        }
    }
}
