namespace ChatApp.Modules.Chat.Domain;

/// <summary>
/// A message that reached a user who had no live connection when it was posted: what a push notification will announce.
/// It stops being pending when the user reads up to the message.
/// </summary>
internal sealed class PendingNotification
{
    public Guid UserId { get; set; }

    public Guid MessageId { get; set; }

    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    public DateTime CreatedAt { get; set; }
}
