namespace ChatApp.Modules.Notifications.Domain;

/// <summary>A room a person does not want pushes from, until a time or (no end) until unmuted.</summary>
internal sealed class RoomMute
{
    public Guid UserId { get; set; }

    public Guid RoomId { get; set; }

    /// <summary>End of the mute (UTC); null mutes until the person unmutes.</summary>
    public DateTime? Until { get; set; }

    public DateTime CreatedAt { get; set; }
}
