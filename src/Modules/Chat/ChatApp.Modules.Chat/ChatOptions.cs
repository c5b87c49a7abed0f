namespace ChatApp.Modules.Chat;

/// <summary>Configuration section <c>Chat</c>.</summary>
internal sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Most members a group room may have, its owner included.</summary>
    public int MaxRoomMembers { get; set; } = 500;

    /// <summary>Most events a sync returns for one room; past this the room is marked truncated and the app reloads recent history.</summary>
    public int SyncMaxEventsPerRoom { get; set; } = 500;

    /// <summary>
    /// Hub calls one connection may have in progress at once. Above 1 a phone can send its next message before the
    /// previous one is acknowledged; the server still queues one connection's sends in the order they arrive.
    /// </summary>
    public int MaxParallelCallsPerConnection { get; set; } = 32;

    /// <summary>Most messages stored in one transaction by the send writer (see MessageWriter).</summary>
    public int SendBatchMaxSize { get; set; } = 256;

    /// <summary>Per-user send limit (token bucket, per server instance): a burst of <c>Burst</c>, then <c>PerPeriod</c> every <c>Period</c>.</summary>
    public SendRateLimitOptions SendRateLimit { get; set; } = new();

    /// <summary>
    /// How often each node checks that the sessions behind its hub connections are still signed in, and closes the
    /// connections of ended ones (see EndedSessionSweeper): the longest a signed-out device keeps receiving.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a node holds a room's event that arrived before an earlier number of the same room (published by another
    /// node) before giving the missing number up; clients then fill the gap from history (see Realtime/RoomStreams).
    /// </summary>
    public TimeSpan RoomEventGapWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most sends of this node waiting for the writer. Beyond it a send is refused at once with <c>chat.overloaded</c>
    /// (429, a retry hint) instead of waiting behind a backlog that would take longer to clear than the app waits.
    /// </summary>
    public int SendQueueLimit { get; set; } = 1000;

    /// <summary>
    /// How long work may wait for a thread (sustained over three probes 50 ms apart) before the node counts as overloaded
    /// and refuses sends with <c>chat.overloaded</c> (see Features/SendMessage/ServerLag).
    /// </summary>
    public TimeSpan OverloadLag { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>What an overloaded node tells the app to wait before retrying (<c>Retry-After</c>).</summary>
    public TimeSpan OverloadRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On shutdown (SIGTERM), how long the node may take to store and acknowledge the sends it accepted before it tells
    /// its connections to reconnect elsewhere (see Realtime/RealtimeShutdown).
    /// </summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
