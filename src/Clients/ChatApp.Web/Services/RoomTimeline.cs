using ChatApp.Client.Chat;

namespace ChatApp.Web.Services;

/// <summary>An open room: its members, the messages loaded so far (by sequence number), their reactions, who read how far, who is typing.</summary>
internal sealed class RoomTimeline(Room room)
{
    private readonly SortedList<long, Message> _messages = [];
    private readonly Dictionary<Guid, long> _seqById = [];
    private readonly Dictionary<Guid, List<(string Emoji, HashSet<Guid> UserIds)>> _reactions = [];

    public Room Room { get; set; } = room;

    public IReadOnlyList<Message> Messages => [.. _messages.Values];

    public bool HasMore { get; set; }

    /// <summary>Other members' read positions: from the room's members when it was opened, then from live receipts.</summary>
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
            _seqById[message.Id] = message.Seq;
        }
    }

    /// <summary>An edit or deletion of a loaded message; a deleted message loses its reactions.</summary>
    public void Replace(Message message)
    {
        if (_messages.ContainsKey(message.Seq))
        {
            _messages[message.Seq] = message;
        }

        if (message.Deleted)
        {
            _reactions.Remove(message.Id);
        }
    }

    public Message? Find(Guid messageId) =>
        _seqById.TryGetValue(messageId, out var seq) && _messages.TryGetValue(seq, out var message) ? message : null;

    /// <summary>The reactions of a history page's messages, as the page shows them (in the order first given).</summary>
    public void PutReactions(IEnumerable<Message> messages, IEnumerable<ReactionSummary> reactions)
    {
        foreach (var message in messages)
        {
            _reactions.Remove(message.Id);
        }

        foreach (var reaction in reactions)
        {
            Reactions(reaction.MessageId).Add((reaction.Emoji, [.. reaction.UserIds]));
        }
    }

    /// <summary>A reaction given or taken back (live, or my own call's answer): idempotent, so seeing it twice is harmless.</summary>
    public void React(Guid messageId, string emoji, Guid userId, bool added)
    {
        if (Find(messageId) is not { Deleted: false })
        {
            return;
        }

        var list = Reactions(messageId);
        var index = list.FindIndex(r => r.Emoji == emoji);
        if (added)
        {
            if (index < 0)
            {
                list.Add((emoji, [userId]));
            }
            else
            {
                list[index].UserIds.Add(userId);
            }
        }
        else if (index >= 0)
        {
            list[index].UserIds.Remove(userId);
            if (list[index].UserIds.Count == 0)
            {
                list.RemoveAt(index);
            }
        }
    }

    /// <summary>A message's reactions: emoji, how many, and whether I am among them.</summary>
    public IReadOnlyList<(string Emoji, int Count, bool Mine)> ReactionsOf(Guid messageId, Guid me) =>
        _reactions.TryGetValue(messageId, out var list) ? [.. list.Select(r => (r.Emoji, r.UserIds.Count, r.UserIds.Contains(me)))] : [];

    /// <summary>How many other members have read up to <paramref name="seq"/>.</summary>
    public int ReadCount(long seq, Guid me) => ReadBy.Count(r => r.Key != me && r.Value >= seq);

    public string NameOf(Guid userId) =>
        Room.Members?.FirstOrDefault(m => m.UserId == userId)?.DisplayName ?? "Someone";

    private List<(string Emoji, HashSet<Guid> UserIds)> Reactions(Guid messageId)
    {
        if (!_reactions.TryGetValue(messageId, out var list))
        {
            list = [];
            _reactions[messageId] = list;
        }

        return list;
    }
}
