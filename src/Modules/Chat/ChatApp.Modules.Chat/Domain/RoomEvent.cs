namespace ChatApp.Modules.Chat.Domain;

/// <summary>One durable change of a room, in sequence: what a reconnecting client catches up on.</summary>
internal sealed class RoomEvent
{
    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public string Kind { get; set; } = "";

    public Guid? MessageId { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>What the change was about beyond message and user: the emoji of a reaction.</summary>
    public string? Detail { get; set; }

    public DateTime OccurredAt { get; set; }
}
