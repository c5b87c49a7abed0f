using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>Names and payloads of the server-to-client events (the hub contract in docs/api.md).</summary>
internal static class ChatEvents
{
    /// <summary>New messages, one or more, as an array in sequence order per room (see MessageWriter).</summary>
    public const string MessagesCreated = "MessagesCreated";
    public const string ReadPositionChanged = "ReadPositionChanged";
    public const string RoomCreated = "RoomCreated";
    public const string MessageUpdated = "MessageUpdated";
    public const string MembershipChanged = "MembershipChanged";

    /// <summary>A group room's roles, name, topic or picture changed (<see cref="RoomChangedEvent"/>).</summary>
    public const string RoomChanged = "RoomChanged";
    public const string ReactionChanged = "ReactionChanged";
    public const string Typing = "Typing";
    public const string PresenceChanged = "PresenceChanged";

    /// <summary>Moderators left me a notice (<see cref="ModerationNoticeEvent"/>): read <c>GET /api/v1/moderation/notices</c>.</summary>
    public const string ModerationNotice = "ModerationNotice";
}
