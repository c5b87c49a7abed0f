using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>A reaction was added or removed (<c>kind</c> reaction.added / reaction.removed), with the change's sequence number.</summary>
internal sealed record ReactionChangedEvent(Guid RoomId, long Seq, [property: WireValues(RoomEventKinds.ReactionAdded, RoomEventKinds.ReactionRemoved)] string Kind, Guid MessageId, Guid UserId, string Emoji);
