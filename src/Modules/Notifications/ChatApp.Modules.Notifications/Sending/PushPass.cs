namespace ChatApp.Modules.Notifications.Sending;

/// <summary>
/// What one pass of <see cref="PushDispatch"/> learnt about its leased items: which must be tried again (and not before
/// when), which got an alert accepted, and whether the pass got as far as recording its sends. An item of a pass that
/// failed before that is put back, never taken as done.
/// </summary>
internal sealed class PushPass(DateTime leaseEnd, DateTime sendDeadline)
{
    public DateTime LeaseEnd { get; } = leaseEnd;

    /// <summary>No send starts after this: what is left is put back, so a pass ends well within its lease.</summary>
    public DateTime SendDeadline { get; } = sendDeadline;

    public Dictionary<(Guid UserId, Guid RoomId), TimeSpan?> Retries { get; } = [];

    public HashSet<(Guid UserId, Guid RoomId)> Alerted { get; } = [];

    /// <summary>Items with a push that was not tried (the pass ran out of time, or the node is stopping).</summary>
    public HashSet<(Guid UserId, Guid RoomId)> Deferred { get; } = [];

    public bool Recorded { get; set; }

    public void Defer((Guid UserId, Guid RoomId) item) => Deferred.Add(item);

    public void Retry((Guid UserId, Guid RoomId) item, TimeSpan? after) =>
        Retries[item] = Retries.TryGetValue(item, out var known) && known is { } k && (after is null || k > after) ? k : after;
}
