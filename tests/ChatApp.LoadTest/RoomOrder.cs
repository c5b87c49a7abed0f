namespace ChatApp.LoadTest;

/// <summary>
/// The order in which one member saw one room's messages (its own included), by the room's <c>seq</c>. A message
/// whose seq is below one seen before arrived out of order (seq n after n + k); a seq never seen by the end, after
/// the drain, is a gap (see <see cref="Gaps"/>).
/// </summary>
internal sealed class RoomOrder
{
    private readonly HashSet<long> _seen = [];

    public long MinSeq { get; private set; } = long.MaxValue;

    public long MaxSeq { get; private set; } = long.MinValue;

    public int OutOfOrder { get; private set; }

    /// <summary>The largest k of a seq n that came after n + k.</summary>
    public long MaxDisplacement { get; private set; }

    public int Count => _seen.Count;

    /// <summary>Notes an arriving seq; false if it was seen before (a duplicate).</summary>
    public bool Observe(long seq)
    {
        if (!_seen.Add(seq))
        {
            return false;
        }

        if (seq < MaxSeq)
        {
            OutOfOrder++;
            MaxDisplacement = Math.Max(MaxDisplacement, MaxSeq - seq);
        }

        MaxSeq = Math.Max(MaxSeq, seq);
        MinSeq = Math.Min(MinSeq, seq);
        return true;
    }

    /// <summary>
    /// Seqs in [<paramref name="from"/>, <paramref name="to"/>] (the room's load messages: the lowest and highest seq any
    /// sender was acknowledged or any member saw) that this member never saw.
    /// </summary>
    public long Gaps(long from, long to) => to < from ? 0 : (to - from + 1) - _seen.Count(s => s >= from && s <= to);
}
