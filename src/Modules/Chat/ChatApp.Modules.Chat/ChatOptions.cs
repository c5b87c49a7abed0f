namespace ChatApp.Modules.Chat;

/// <summary>Configuration section <c>Chat</c>.</summary>
internal sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Most members a group room may have, its owner included.</summary>
    public int MaxRoomMembers { get; set; } = 500;

    /// <summary>
    /// Where invite links point: a link is this base, a slash and the code (for example
    /// <c>https://chat.example.com/i/</c> gives <c>https://chat.example.com/i/{code}</c>); the QR codes encode it. The
    /// page there opens the app, which previews and joins through the API.
    /// </summary>
    public string InviteLinkBaseUrl { get; set; } = "https://localhost/i/";

    /// <summary>How long an invite link lasts when its maker gives no expiry.</summary>
    public TimeSpan InviteDefaultLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest expiry an invite link may be given.</summary>
    public TimeSpan InviteMaxLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Most invite links in force (not revoked, expired or used up) per group room, and personal links per person.</summary>
    public int MaxActiveInvites { get; set; } = 50;

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

    /// <summary>
    /// Message search: how many of my rooms' message blocks (32 messages each, see Search/MessageSearcher) one request
    /// may test; when they run out before the page is full, the page is cut short and its cursor continues below them.
    /// </summary>
    public int SearchBlockBudget { get; set; } = 1024;
}
