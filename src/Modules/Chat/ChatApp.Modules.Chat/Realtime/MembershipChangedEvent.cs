using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>Someone joined or left a room (<c>kind</c> member.joined / member.left), with the change's sequence number.</summary>
internal sealed record MembershipChangedEvent(Guid RoomId, long Seq, string Kind, Guid UserId);
