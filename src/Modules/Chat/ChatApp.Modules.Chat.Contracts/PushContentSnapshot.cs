namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// The answer of <see cref="IPushContent.GetAsync"/>: <c>Rooms</c> has an entry for every key asked about;
/// <c>TotalUnread</c> one for every user among the keys: their unread messages over all their rooms, counted as the
/// rooms' unread counts of the REST API are, up to <see cref="MaxTotalUnread"/> (a badge shows "999+" beyond; counting a
/// backlog of thousands at every push would cost its whole size each time).
/// </summary>
public sealed record PushContentSnapshot(IReadOnlyDictionary<PushContentKey, PushRoomContent> Rooms, IReadOnlyDictionary<Guid, int> TotalUnread)
{
    public const int MaxTotalUnread = 1000;
}
