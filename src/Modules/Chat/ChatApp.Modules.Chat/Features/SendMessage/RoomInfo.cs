namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>A room of a batch as the admission query found it: its kind and its members (who also get the broadcast).</summary>
internal sealed record RoomInfo(RoomKind Kind, IReadOnlyList<Guid> Members);
