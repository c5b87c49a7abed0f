using ChatApp.Client;
using ChatApp.Client.Chat;
using ChatApp.Client.Realtime.Events;

namespace ChatApp.Web.Services;

/// <summary>
/// The rooms and open timelines of the signed-in person, kept current by the hub's events (<c>ChatRealtime</c>): new
/// messages, edits, read positions, typing. Components subscribe to <see cref="Changed"/>.
/// </summary>
internal sealed class ChatState(ChatAppClient client)
{
    private static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(4);
    private readonly Dictionary<Guid, Room> _rooms = [];
    private readonly Dictionary<Guid, RoomTimeline> _timelines = [];
    private bool _subscribed;

    public event Action? Changed;

    /// <summary>A group's name, topic, picture, roles or members changed (by anyone): pages that show its members reload it.</summary>
    public event Action<Guid>? GroupChanged;

    /// <summary>I left a room or was removed from it: it is no longer in <see cref="Rooms"/>.</summary>
    public event Action<Guid>? RoomLeft;

    public Guid MyId { get; private set; }

    /// <summary>The room shown now (its new messages are read, not counted as unread).</summary>
    public Guid? ActiveRoomId { get; set; }

    public IReadOnlyList<Room> Rooms => [.. _rooms.Values.OrderByDescending(r => r.LastActivityAt)];

    public async Task StartAsync(Guid myId)
    {
        MyId = myId;
        _rooms.Clear();
        _timelines.Clear();
        foreach (var room in await client.Chat.ListRoomsAsync())
        {
            _rooms[room.Id] = room;
        }

        var realtime = client.Realtime;
        if (!_subscribed)
        {
            realtime.MessagesCreated += messages => _ = OnMessagesAsync(messages);
            realtime.MessageUpdated += OnMessageUpdated;
            realtime.ReadPositionChanged += OnReadPositionChanged;
            realtime.ReactionChanged += OnReactionChanged;
            realtime.Typing += OnTyping;
            realtime.RoomCreated += created => ReloadRoomsSoon();
            realtime.MembershipChanged += membership => ReloadRoomsSoon();
            realtime.RoomChanged += change => ReloadRoomsSoon();
            realtime.MembershipChanged += OnGroupMembershipChanged;
            realtime.RoomChanged += OnGroupRoomChanged;
            realtime.Synced += OnSyncedRemovedRooms;
            _subscribed = true;
        }

        // Caught up from what the list already shows: the catch-up raises only what happened since.
        await realtime.StartAsync(_rooms.Values.ToDictionary(r => r.Id, r => r.LastSeq));
    }

    public async Task StopAsync()
    {
        ActiveRoomId = null;
        _rooms.Clear();
        _timelines.Clear();
        await client.Realtime.Connection.StopAsync();
    }

    /// <summary>Opens a room: its members and newest page (a ChatAppApiException when it is not mine to see).</summary>
    public async Task<RoomTimeline> OpenAsync(Guid roomId)
    {
        var room = await client.Chat.GetRoomAsync(roomId);
        var page = await client.Chat.GetMessagesAsync(roomId, limit: 30);
        var timeline = new RoomTimeline(room) { HasMore = page.HasMore };
        timeline.Put(page.Messages);
        timeline.PutReactions(page.Messages, page.Reactions);
        foreach (var member in room.Members ?? [])
        {
            if (member.UserId != MyId)
            {
                timeline.ReadBy[member.UserId] = member.ReadSeq; // receipts from before the room was opened
            }
        }

        _timelines[roomId] = timeline;
        _rooms[roomId] = room;
        await MarkReadAsync(timeline);
        return timeline;
    }

    public async Task LoadOlderAsync(RoomTimeline timeline)
    {
        var page = await client.Chat.GetMessagesAsync(timeline.Room.Id, before: timeline.FirstSeq, limit: 30);
        timeline.Put(page.Messages);
        timeline.PutReactions(page.Messages, page.Reactions);
        timeline.HasMore = page.HasMore;
        Changed?.Invoke();
    }

    public Task<Message> SendAsync(Guid roomId, string text, IReadOnlyList<Guid>? attachments = null, Guid? replyTo = null) =>
        client.Realtime.SendMessageAsync(roomId, text, replyTo: replyTo, attachments: attachments);

    /// <summary>Edits my message (the answer is shown at once; others hear MessageUpdated).</summary>
    public async Task EditAsync(RoomTimeline timeline, Guid messageId, string text)
    {
        timeline.Replace(await client.Chat.EditMessageAsync(timeline.Room.Id, messageId, text));
        Changed?.Invoke();
    }

    /// <summary>Deletes my message: it stays as a tombstone ("Message deleted") without text, pictures or reactions.</summary>
    public async Task DeleteAsync(RoomTimeline timeline, Message message)
    {
        await client.Chat.DeleteMessageAsync(timeline.Room.Id, message.Id);
        timeline.Replace(message with { Deleted = true, Text = "", Attachments = [] });
        Changed?.Invoke();
    }

    /// <summary>Gives or takes back my reaction.</summary>
    public async Task ReactAsync(RoomTimeline timeline, Guid messageId, string emoji, bool add)
    {
        if (add)
        {
            await client.Chat.ReactAsync(timeline.Room.Id, messageId, emoji);
        }
        else
        {
            await client.Chat.RemoveReactionAsync(timeline.Room.Id, messageId, emoji);
        }

        timeline.React(messageId, emoji, MyId, add);
        Changed?.Invoke();
    }

    public Task TypingAsync(Guid roomId) => client.Realtime.TypingAsync(roomId);

    public async Task<Room> OpenDirectAsync(Guid userId)
    {
        var room = await client.Chat.OpenDirectAsync(userId);
        _rooms[room.Id] = room;
        return room;
    }

    public IEnumerable<string> TypingNames(RoomTimeline timeline)
    {
        var now = DateTimeOffset.UtcNow;
        return timeline.TypingUntil.Where(t => t.Value > now && t.Key != MyId).Select(t => timeline.NameOf(t.Key));
    }

    private async Task OnMessagesAsync(IReadOnlyList<Message> messages)
    {
        var unknownRoom = false;
        foreach (var message in messages)
        {
            if (_timelines.TryGetValue(message.RoomId, out var timeline))
            {
                timeline.Put([message]);
                timeline.TypingUntil.Remove(message.SenderId);
            }

            if (_rooms.TryGetValue(message.RoomId, out var room))
            {
                if (message.Seq > room.LastSeq)
                {
                    var unread = message.SenderId != MyId && ActiveRoomId != room.Id && message.Seq > room.ReadSeq;
                    _rooms[room.Id] = room with
                    {
                        LastSeq = message.Seq,
                        LastMessage = message,
                        LastActivityAt = message.CreatedAt,
                        UnreadCount = room.UnreadCount + (unread ? 1 : 0),
                    };
                }
            }
            else
            {
                unknownRoom = true;
            }
        }

        Changed?.Invoke();
        if (unknownRoom)
        {
            await ReloadRoomsAsync();
        }

        if (ActiveRoomId is { } active && _timelines.TryGetValue(active, out var open) && messages.Any(m => m.RoomId == active))
        {
            await MarkReadAsync(open);
        }
    }

    private void OnMessageUpdated(MessageUpdatedEvent update)
    {
        if (_timelines.TryGetValue(update.RoomId, out var timeline))
        {
            timeline.Replace(update.Message);
            Changed?.Invoke();
        }
    }

    private void OnReactionChanged(ReactionChangedEvent reaction)
    {
        if (_timelines.TryGetValue(reaction.RoomId, out var timeline))
        {
            timeline.React(reaction.MessageId, reaction.Emoji, reaction.UserId, reaction.Kind == "reaction.added");
            Changed?.Invoke();
        }
    }

    private void OnReadPositionChanged(ReadPositionChangedEvent read)
    {
        if (read.UserId == MyId)
        {
            if (_rooms.TryGetValue(read.RoomId, out var room) && read.ReadSeq >= room.ReadSeq)
            {
                _rooms[room.Id] = room with { ReadSeq = read.ReadSeq, UnreadCount = read.ReadSeq >= room.LastSeq ? 0 : room.UnreadCount };
            }
        }
        else if (_timelines.TryGetValue(read.RoomId, out var timeline))
        {
            timeline.ReadBy[read.UserId] = Math.Max(read.ReadSeq, timeline.ReadBy.GetValueOrDefault(read.UserId));
        }

        Changed?.Invoke();
    }

    private void OnTyping(TypingEvent typing)
    {
        if (typing.UserId != MyId && _timelines.TryGetValue(typing.RoomId, out var timeline))
        {
            timeline.TypingUntil[typing.UserId] = DateTimeOffset.UtcNow + TypingShownFor;
            Changed?.Invoke();
        }
    }

    private async Task MarkReadAsync(RoomTimeline timeline)
    {
        var last = timeline.LastSeq;
        if (ActiveRoomId != timeline.Room.Id || last == 0 || !_rooms.TryGetValue(timeline.Room.Id, out var room) || room.ReadSeq >= last)
        {
            return;
        }

        try
        {
            var state = await client.Chat.MarkReadAsync(timeline.Room.Id, last);
            if (_rooms.TryGetValue(timeline.Room.Id, out var current))
            {
                _rooms[current.Id] = current with { ReadSeq = state.ReadSeq, UnreadCount = state.UnreadCount };
            }

            Changed?.Invoke();
        }
        catch (ChatAppApiException)
        {
            // A read position is a hint; the next message marks it again.
        }
    }

    private void ReloadRoomsSoon() => _ = ReloadRoomsAsync();

    /// <summary>
    /// The list from the server: new and changed rooms in, and rooms that were here before the call and are not in its
    /// answer out (I left or was removed and missed the event). A room that arrived during the call stays: the answer
    /// may predate it.
    /// </summary>
    private async Task ReloadRoomsAsync()
    {
        try
        {
            var before = _rooms.Keys.ToHashSet();
            var listed = await client.Chat.ListRoomsAsync();
            foreach (var room in listed)
            {
                _rooms[room.Id] = room;
            }

            before.ExceptWith(listed.Select(r => r.Id));
            foreach (var gone in before.Where(_rooms.ContainsKey))
            {
                ForgetRoom(gone);
            }

            Changed?.Invoke();
        }
        catch (ChatAppApiException)
        {
            // Signed out meanwhile: the session says so.
        }
    }

    /// <summary>Creates a group that I own with those people in it; it is in <see cref="Rooms"/> at once.</summary>
    public async Task<Room> CreateGroupAsync(string name, IEnumerable<Guid> memberIds)
    {
        var room = await client.Chat.CreateGroupAsync(name, memberIds);
        _rooms[room.Id] = room;
        Changed?.Invoke();
        return room;
    }

    /// <summary>Leaves a group: the room leaves <see cref="Rooms"/> at once (the hub's member.left that follows says it again).</summary>
    public async Task LeaveGroupAsync(Guid roomId)
    {
        await client.Chat.RemoveMemberAsync(roomId, MyId);
        ForgetRoom(roomId);
    }

    private void OnGroupMembershipChanged(MembershipChangedEvent membership)
    {
        if (membership.Kind == "member.left" && membership.UserId == MyId)
        {
            ForgetRoom(membership.RoomId);
        }
        else
        {
            GroupChanged?.Invoke(membership.RoomId);
        }
    }

    private void OnGroupRoomChanged(RoomChangedEvent change) => GroupChanged?.Invoke(change.RoomId);

    /// <summary>Rooms I was removed from while the connection was down: the catch-up after it names them.</summary>
    private void OnSyncedRemovedRooms(SyncResult result)
    {
        foreach (var roomId in result.RemovedRoomIds.Where(_rooms.ContainsKey))
        {
            ForgetRoom(roomId);
        }
    }

    private void ForgetRoom(Guid roomId)
    {
        _rooms.Remove(roomId);
        _timelines.Remove(roomId);
        if (ActiveRoomId == roomId)
        {
            ActiveRoomId = null;
        }

        Changed?.Invoke();
        RoomLeft?.Invoke(roomId);
    }
}
