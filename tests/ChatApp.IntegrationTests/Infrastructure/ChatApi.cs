using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using System.Net.Http.Json;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>Calls the Chat REST API the way the mobile app does, through the typed client (raw requests where a test inspects the answer).</summary>
public sealed class ChatApi(AccountsApi accounts)
{
    /// <summary>Two new users, Ann and Bob, and their direct room (opened by Ann).</summary>
    public async Task<(TestUser Ann, TestUser Bob, RoomDto Room)> NewDirectRoomAsync()
    {
        var ann = await accounts.NewUserAsync("Ann");
        var bob = await accounts.NewUserAsync("Bob");
        return (ann, bob, await OpenDirectAsync(ann, bob.Id));
    }

    public Task<RoomDto> OpenDirectAsync(TestUser me, Guid other) => accounts.Client(me).Chat.OpenDirectAsync(other);

    public Task<RoomDto> CreateGroupAsync(TestUser owner, string name, params Guid[] memberIds) =>
        accounts.Client(owner).Chat.CreateGroupAsync(name, memberIds);

    public Task<HttpResponseMessage> PostMessageAsync(TestUser sender, Guid roomId, string text, string? clientMessageId = null, Guid? replyTo = null) =>
        accounts.As(sender).PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text, replyTo });

    public Task<MessageDto> SendAsync(TestUser sender, Guid roomId, string text, string? clientMessageId = null) =>
        accounts.Client(sender).Chat.SendAsync(roomId, text, clientMessageId ?? Guid.NewGuid().ToString("N"));

    /// <summary>A page of history; <paramref name="query"/> may hold <c>before</c>, <c>after</c> and <c>limit</c> (e.g. "?after=5&amp;limit=10").</summary>
    public Task<MessagePageDto> HistoryAsync(TestUser me, Guid roomId, string query = "")
    {
        var values = QueryHelpers.ParseQuery(query);
        var unknown = values.Keys.Except(["before", "after", "limit"], StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"history takes before, after and limit, not {string.Join(", ", unknown)}", nameof(query));
        }

        long? Number(string name) => values.TryGetValue(name, out var v) ? long.Parse(v.ToString(), CultureInfo.InvariantCulture) : null;
        return accounts.Client(me).Chat.GetMessagesAsync(roomId, Number("before"), Number("after"), (int?)Number("limit"));
    }

    public Task<IReadOnlyList<RoomDto>> RoomsAsync(TestUser me) => accounts.Client(me).Chat.ListRoomsAsync();

    public Task<HttpResponseMessage> PostReadAsync(TestUser me, Guid roomId, long seq) =>
        accounts.As(me).PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/read", new { seq });
}

/// <summary>What a phone holds of a room: message ids by sequence number.</summary>
public static class MessageViews
{
    /// <summary>The highest sequence number up to which the view has no gap (where a sync must resume).</summary>
    public static long ContiguousEnd(this SortedDictionary<long, Guid> view, long start)
    {
        var end = start;
        while (view.ContainsKey(end + 1))
        {
            end++;
        }

        return end;
    }
}
