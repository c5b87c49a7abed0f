using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Someone joined or left a room (<c>kind</c> member.joined / member.left), with the change's sequence number;
/// <c>byUserId</c>: who added or removed them, when it was someone else.
/// </summary>
internal sealed record MembershipChangedEvent(Guid RoomId, long Seq, [property: WireValues(RoomEventKinds.MemberJoined, RoomEventKinds.MemberLeft)] string Kind, Guid UserId, Guid? ByUserId = null);
