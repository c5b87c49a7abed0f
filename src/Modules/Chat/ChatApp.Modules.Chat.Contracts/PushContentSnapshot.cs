namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// The answer of <see cref="IPushContent.GetAsync"/>: <c>Rooms</c> has an entry for every key asked about;
/// <c>TotalUnread</c> one for every user among the keys: their unread messages over all their rooms, counted exactly as
/// the rooms' unread counts of the REST API and the badge of a client are.
/// </summary>
public sealed record PushContentSnapshot(IReadOnlyDictionary<PushContentKey, PushRoomContent> Rooms, IReadOnlyDictionary<Guid, int> TotalUnread);
