namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event MessageUpdated: a message was edited or deleted (Kind message.edited or message.deleted).</summary>
public sealed record MessageUpdatedEvent(Guid RoomId, long Seq, string Kind, ChatApp.Client.Chat.Message Message);
