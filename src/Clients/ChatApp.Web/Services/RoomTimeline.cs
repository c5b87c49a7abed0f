using ChatApp.Client.Chat;

namespace ChatApp.Web.Services;

/// <summary>An open room: its members, the messages loaded so far (by sequence number), who read how far, who is typing.</summary>
internal sealed class RoomTimeline(Room room)
{
    private readonly SortedList<long, Message> _messages = [];

    public Room Room { get; set; } = room;

    public IReadOnlyList<Message> Messages => [.. _messages.Values];

    public bool HasMore { get; set; }

    /// <summary>Other members' read positions seen since the room was opened.</summary>
    public Dictionary<Guid, long> ReadBy { get; } = [];

    /// <summary>Who is typing, until when.</summary>
    public Dictionary<Guid, DateTimeOffset> TypingUntil { get; } = [];

    public long FirstSeq => _messages.Count == 0 ? 0 : _messages.Keys[0];

    public long LastSeq => _messages.Count == 0 ? 0 : _messages.Keys[^1];

    /// <summary>Adds or replaces messages (a catch-up may repeat one: same seq, same id).</summary>
    public void Put(IEnumerable<Message> messages)
    {
        foreach (var message in messages)
        {
            _messages[message.Seq] = message;
        }
    }

    public void Replace(Message message)
    {
        if (_messages.ContainsKey(message.Seq))
        {
            _messages[message.Seq] = message;
        }
    }

    public string NameOf(Guid userId) =>
        Room.Members?.FirstOrDefault(m => m.UserId == userId)?.DisplayName ?? "Someone";
}
