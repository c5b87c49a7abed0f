namespace ChatApp.Modules.Chat.Rooms;

/// <summary>A message a member has not read (see <see cref="UnreadMessages"/>); a class with setters so queries can group by it.</summary>
internal sealed class UnreadMessage
{
    public Guid UserId { get; init; }

    public Guid RoomId { get; init; }

    public Guid MessageId { get; init; }

    public long Seq { get; init; }

    public Guid SenderId { get; init; }
}
