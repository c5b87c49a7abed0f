namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// What <see cref="IPushContent"/> knows about one user in one room. When <c>IsMember</c> is false (never was, left,
/// or the room does not exist) the rest is empty: nothing may be announced. <c>ReadSeq</c> is the user's read position;
/// <c>Latest</c> the newest message after it that the user would be notified of (not deleted, not their own, its
/// sender not blocked by them nor blocking them), null when there is none; <c>RoomName</c> is set for group rooms only
/// (a direct room goes by the other person's name, which Accounts knows).
/// </summary>
public sealed record PushRoomContent(bool IsMember, long ReadSeq, PushRoomKind? Kind, string? RoomName, PushMessagePreview? Latest)
{
    public static readonly PushRoomContent NotMember = new(false, 0, null, null, null);
}
