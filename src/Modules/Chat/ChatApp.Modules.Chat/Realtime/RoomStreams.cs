using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Keeps every room's events in sequence order on their way to this node's connections, whichever node stored them.
/// Two nodes commit a room's changes one after the other (the room row lock numbers them), but publish them
/// independently, so number 6 from one node can arrive before number 5 from the other. A frame that arrives before an
/// earlier number of its room is held until that number arrives, or for at most <see cref="ChatOptions.RoomEventGapWait"/>:
/// then the gap is given up on and the held frames go out (the client sees the gap in the numbers and fills it from
/// history). A frame that arrives after a later number of its room went out is dropped for the same reason: a client
/// never receives a room's events out of order. Events without a number (read positions) go out at once.
/// </summary>
internal sealed class RoomStreams(IRoomFrameWriter connections, RealtimeMetrics metrics, IOptions<ChatOptions> options, TimeProvider timeProvider) : IDisposable
{
    /// <summary>A room not heard of for this long is forgotten (its next frame is taken as it comes).</summary>
    private static readonly TimeSpan IdleRoom = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Guid, Stream> _rooms = new();
    private long _nextSweep = Environment.TickCount64 + (long)IdleRoom.TotalMilliseconds;

    /// <summary>Rooms this node currently follows.</summary>
    public int Count => _rooms.Count;

    /// <summary>Writes the frame to this node's connections of its recipients, in room order (see the class comment).</summary>
    public void Deliver(RoomFrame frame)
    {
        if (!frame.IsSequenced)
        {
            Write(frame);
            return;
        }

        var stream = _rooms.GetOrAdd(frame.RoomId, static _ => new Stream());
        lock (stream)
        {
            stream.LastHeardAt = Environment.TickCount64;
            if (stream.Last != 0 && frame.LastSeq <= stream.Last)
            {
                metrics.StaleDropped();
            }
            else if (stream.Last == 0 || frame.FirstSeq <= stream.Last + 1)
            {
                Write(frame);
                stream.Last = frame.LastSeq;
                Release(stream);
            }
            else
            {
                metrics.Held();
                stream.Held.Add(frame);
                stream.Held.Sort(static (a, b) => a.FirstSeq.CompareTo(b.FirstSeq));
                stream.GapTimer ??= timeProvider.CreateTimer(static state => ((RoomStreams)((object[])state!)[0]).GiveUpGap((Stream)((object[])state)[1]),
                    new object[] { this, stream }, options.Value.RoomEventGapWait, Timeout.InfiniteTimeSpan);
            }
        }

        SweepIdleRooms();
    }

    public void Dispose()
    {
        foreach (var stream in _rooms.Values)
        {
            lock (stream)
            {
                stream.GapTimer?.Dispose();
            }
        }
    }

    /// <summary>Sends the held frames that are next in order.</summary>
    private void Release(Stream stream)
    {
        while (stream.Held.Count > 0 && stream.Held[0].FirstSeq <= stream.Last + 1)
        {
            var next = stream.Held[0];
            stream.Held.RemoveAt(0);
            if (next.LastSeq <= stream.Last)
            {
                metrics.StaleDropped();
                continue;
            }

            Write(next);
            stream.Last = next.LastSeq;
        }

        if (stream.Held.Count == 0)
        {
            stream.GapTimer?.Dispose();
            stream.GapTimer = null;
        }
    }

    private void GiveUpGap(Stream stream)
    {
        lock (stream)
        {
            if (stream.Held.Count == 0)
            {
                return;
            }

            metrics.GapSkipped();
            var next = stream.Held[0];
            stream.Held.RemoveAt(0);
            Write(next);
            stream.Last = next.LastSeq;
            stream.GapTimer?.Dispose();
            stream.GapTimer = null;
            Release(stream);
            if (stream.Held.Count > 0)
            {
                stream.GapTimer = timeProvider.CreateTimer(static state => ((RoomStreams)((object[])state!)[0]).GiveUpGap((Stream)((object[])state)[1]),
                    new object[] { this, stream }, options.Value.RoomEventGapWait, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Write(RoomFrame frame)
    {
        var start = Stopwatch.GetTimestamp();
        var written = connections.Write(frame.Recipients, frame.Message);
        metrics.FannedOut(Stopwatch.GetElapsedTime(start).TotalMicroseconds, written);
    }

    private void SweepIdleRooms()
    {
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)IdleRoom.TotalMilliseconds, due) != due)
        {
            return;
        }

        foreach (var (roomId, stream) in _rooms)
        {
            lock (stream)
            {
                if (stream.Held.Count == 0 && now - stream.LastHeardAt > IdleRoom.TotalMilliseconds)
                {
                    _rooms.TryRemove(KeyValuePair.Create(roomId, stream));
                }
            }
        }
    }

    private sealed class Stream
    {
        public long Last { get; set; }

        public long LastHeardAt { get; set; }

        public List<RoomFrame> Held { get; } = [];

        public ITimer? GapTimer { get; set; }
    }
}
