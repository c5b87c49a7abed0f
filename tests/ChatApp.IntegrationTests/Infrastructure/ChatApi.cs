using System.Net;
using System.Net.Http.Json;

namespace ChatApp.IntegrationTests.Infrastructure;

public sealed record RoomDto(
    Guid Id, string Kind, string Name, Guid? OwnerId, Guid? DirectUserId, int MemberCount, long LastSeq, DateTime LastActivityAt,
    MessageDto? LastMessage, long ReadSeq, int UnreadCount, IReadOnlyList<RoomMemberDto>? Members);

public sealed record RoomMemberDto(Guid UserId, string DisplayName, string Role);

public sealed record MessageDto(Guid Id, Guid RoomId, long Seq, Guid SenderId, string ClientMessageId, string Text, Guid? ReplyToId, DateTime CreatedAt, DateTime? EditedAt, bool Deleted);

public sealed record MessagePageDto(IReadOnlyList<MessageDto> Messages, bool HasMore, IReadOnlyList<ReactionSummaryDto> Reactions);

public sealed record ReactionSummaryDto(Guid MessageId, string Emoji, int Count, IReadOnlyList<Guid> UserIds);

public sealed record ReadStateDto(Guid RoomId, long ReadSeq, int UnreadCount);

/// <summary>Calls the Chat REST API the way the mobile app does.</summary>
public sealed class ChatApi(AccountsApi accounts)
{
    /// <summary>Two new users, Ann and Bob, and their direct room (opened by Ann).</summary>
    public async Task<(TestUser Ann, TestUser Bob, RoomDto Room)> NewDirectRoomAsync()
    {
        var ann = await accounts.NewUserAsync("Ann");
        var bob = await accounts.NewUserAsync("Bob");
        return (ann, bob, await OpenDirectAsync(ann, bob.Id));
    }

    public async Task<RoomDto> OpenDirectAsync(TestUser me, Guid other)
    {
        var response = await accounts.As(me).PutAsync($"/api/v1/chat/direct/{other}", null);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RoomDto>())!;
    }

    public async Task<RoomDto> CreateGroupAsync(TestUser owner, string name, params Guid[] memberIds)
    {
        var response = await accounts.As(owner).PostAsJsonAsync("/api/v1/chat/rooms", new { name, memberIds });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RoomDto>())!;
    }

    public Task<HttpResponseMessage> PostMessageAsync(TestUser sender, Guid roomId, string text, string? clientMessageId = null, Guid? replyTo = null) =>
        accounts.As(sender).PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text, replyTo });

    public async Task<MessageDto> SendAsync(TestUser sender, Guid roomId, string text, string? clientMessageId = null)
    {
        var response = await PostMessageAsync(sender, roomId, text, clientMessageId);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<MessageDto>())!;
    }

    public async Task<MessagePageDto> HistoryAsync(TestUser me, Guid roomId, string query = "")
    {
        var response = await accounts.As(me).GetAsync($"/api/v1/chat/rooms/{roomId}/messages{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MessagePageDto>())!;
    }

    public async Task<IReadOnlyList<RoomDto>> RoomsAsync(TestUser me) =>
        (await accounts.As(me).GetFromJsonAsync<List<RoomDto>>("/api/v1/chat/rooms"))!;

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
