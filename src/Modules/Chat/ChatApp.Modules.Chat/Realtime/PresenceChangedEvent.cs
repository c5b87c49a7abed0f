using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>A person who shares a room with me came online or went offline.</summary>
internal sealed record PresenceChangedEvent(Guid UserId, bool Online, DateTime? LastSeenAt);
