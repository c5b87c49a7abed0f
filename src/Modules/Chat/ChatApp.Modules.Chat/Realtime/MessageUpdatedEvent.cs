using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>A message was edited or deleted: <c>seq</c> is the change's own sequence number, <c>message</c> the new state.</summary>
internal sealed record MessageUpdatedEvent(Guid RoomId, long Seq, [property: WireValues(RoomEventKinds.MessageEdited, RoomEventKinds.MessageDeleted)] string Kind, MessageResponse Message);
