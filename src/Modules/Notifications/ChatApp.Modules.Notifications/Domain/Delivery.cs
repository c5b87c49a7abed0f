namespace ChatApp.Modules.Notifications.Domain;

/// <summary>What a device was last shown about a room: makes each send idempotent and tells who needs a clear.</summary>
internal sealed class Delivery
{
    public Guid DeviceId { get; set; }

    public Guid RoomId { get; set; }

    /// <summary>The highest sequence pushed to the device as an alert.</summary>
    public long SentSeq { get; set; }

    /// <summary>The highest read sequence the device was told about (its alerts up to there withdrawn).</summary>
    public long ClearedSeq { get; set; }

    public DateTime UpdatedAt { get; set; }
}
