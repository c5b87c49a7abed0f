namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>How long one batch spent in each stage of the send path; filled in stage by stage, reported by <see cref="SendPathMetrics"/>.</summary>
internal sealed class SendBatchTimings(int sends, TimeSpan longestQueueWait)
{
    /// <summary>Sends taken from the queue for this batch.</summary>
    public int Sends { get; } = sends;

    /// <summary>The longest any send of the batch waited in the queue.</summary>
    public TimeSpan LongestQueueWait { get; } = longestQueueWait;

    /// <summary>The admission queries and rules (a batch stored one send at a time after a unique violation adds each send's).</summary>
    public TimeSpan Admission { get; set; }

    /// <summary>The store stage apart from admission: the transaction with its retries, then answering the stored sends.</summary>
    public TimeSpan Store { get; set; }

    public TimeSpan Broadcast { get; set; }

    /// <summary>Messages created (sends refused or answered as replays are not counted).</summary>
    public int Stored { get; set; }
}
