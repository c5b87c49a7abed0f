namespace ChatApp.Modules.Notifications.Domain;

/// <summary>
/// What is still to be pushed to one person about one room: a burst of messages collapses into one row (the highest
/// pending sequence), a read raises <see cref="ReadSeq"/> so other devices get cleared. The sender leases due rows
/// like the outbox does; <see cref="Version"/> changes with every update, so the sender deletes a row only when
/// nothing new arrived while it worked.
/// </summary>
internal sealed class PushWork
{
    public Guid UserId { get; set; }

    public Guid RoomId { get; set; }

    /// <summary>The highest sequence with a pending notification (0: only a clear is due).</summary>
    public long UpToSeq { get; set; }

    /// <summary>The highest sequence the person has read (from Chat's read events).</summary>
    public long ReadSeq { get; set; }

    /// <summary>When the row is looked at next: the collapse delay after the first notice, or a retry's time.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When the first still unpushed notice arrived (gives up after the maximum age).</summary>
    public DateTime FirstNoticeAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? LockedUntil { get; set; }

    public int Version { get; set; }
}
