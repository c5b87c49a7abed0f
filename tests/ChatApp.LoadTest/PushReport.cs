using System.Diagnostics;

namespace ChatApp.LoadTest;

/// <summary>
/// The push side of a run with offline members (--offline-per-room) and the FCM stand-in: waits after the drain until
/// every offline device was pushed its room's last message (or --push-wait runs out), then reports what the stand-in
/// accepted: whether each device got its room's last message (no loss), whether any (device, seq) was accepted twice
/// (doubled), how long after a message was due the first push covering it came (a push names the newest unread seq,
/// so it covers every earlier message), how old the named message was when pushed, and pushes per time window.
/// </summary>
internal sealed class PushReport(LoadOptions options, SetupFile setup, IReadOnlyList<LoadClient> clients, FcmStandIn standIn, SendPlan plan, Timeline timeline)
{
    /// <summary>After the last device is complete, how long to go on watching for late doubles.</summary>
    private static readonly TimeSpan AfterComplete = TimeSpan.FromSeconds(5);

    private bool _complete;

    /// <summary>Returns once every offline device has its room's last message, plus <see cref="AfterComplete"/>; at most --push-wait.</summary>
    public async Task WaitAsync()
    {
        var last = LastSeqByRoom();
        var deadline = Stopwatch.GetTimestamp() + (options.PushWait * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Missing(last, standIn.Accepted).Count == 0)
            {
                _complete = true;
                await Task.Delay(AfterComplete);
                return;
            }

            await Task.Delay(200);
        }
    }

    public void Print(TextWriter output)
    {
        var accepted = standIn.Accepted;
        var alerts = accepted.Where(p => p.Type == "message").ToList();
        var last = LastSeqByRoom();
        var missing = Missing(last, accepted);
        var devices = setup.OfflineUsers.Count;
        output.WriteLine();
        output.WriteLine("== pushes (FCM stand-in) ==");
        output.WriteLine(Stats.Invariant($"offline devices {devices} ({setup.OfflinePerRoom} per room, Android), stand-in latency {options.FcmLatencyMs} ms") +
            (options.FcmOutage is { } o ? Stats.Invariant($", outage (503) from {o.From:0.#} s to {o.From + o.Seconds:0.#} s after sending started") : ""));
        output.WriteLine(Stats.Invariant($"access tokens granted {standIn.Grants}; sends answered 200: {accepted.Count} ({alerts.Count} alerts, {accepted.Count - alerts.Count} clears), 503: {standIn.Unavailable.Count}"));
        output.WriteLine(Stats.Invariant($"devices pushed their room's last message: {devices - missing.Count} of {devices}") +
            (_complete ? Stats.Invariant($" (the last of them {Stats.Ms(LastNeededPush(last, alerts) - plan.End) / 1000:F1} s after sending stopped)") : $" (NOT complete after --push-wait {options.PushWait} s)"));
        foreach (var (token, pushed, lastSeq) in missing.Take(5))
        {
            output.WriteLine(Stats.Invariant($"  missing: {token} pushed up to seq {pushed}, room's last seq {lastSeq}"));
        }

        var doubled = alerts.GroupBy(p => (p.Token, p.Seq)).Where(g => g.Count() > 1).ToList();
        output.WriteLine(Stats.Invariant($"doubled: {doubled.Count} (device, seq) alerts accepted more than once ({doubled.Sum(g => g.Count() - 1)} extra sends)"));
        var sendingSeconds = Stats.Ms(plan.End - plan.Start) / 1000;
        output.WriteLine(Stats.Invariant($"alerts per device {alerts.Count / (double)Math.Max(1, devices):F1} over {sendingSeconds:F0} s of sending: one every {sendingSeconds * Math.Max(1, devices) / Math.Max(1, alerts.Count):F1} s per device; {alerts.Count / sendingSeconds:F1} alerts/s overall"));
        var (cover, uncovered, age) = Latencies(alerts);
        output.WriteLine("message due -> first push covering it, ms (per offline device, messages due while measured) " + Stats.Percentiles(cover) +
            Stats.Invariant($"; never covered {uncovered}"));
        output.WriteLine("age of the message a push names, ms (push time - that message's due time)                  " + Stats.Percentiles(age));
        PrintWindows(output, accepted);
    }

    /// <summary>When the last device got the push of its room's last message (Stopwatch ticks).</summary>
    private long LastNeededPush(Dictionary<int, long> last, List<ReceivedPush> alerts)
    {
        var byToken = alerts.ToLookup(p => p.Token);
        return Enumerable.Range(0, setup.OfflineUsers.Count)
            .Select(j => byToken[setup.DeviceToken(j)].Where(p => p.Seq >= last.GetValueOrDefault(j / setup.OfflinePerRoom)).Select(p => p.At).DefaultIfEmpty(plan.End).Min())
            .DefaultIfEmpty(plan.End)
            .Max();
    }

    /// <summary>Per room index, the highest seq the server acknowledged to the room's senders.</summary>
    private Dictionary<int, long> LastSeqByRoom() =>
        clients.GroupBy(c => c.Room).ToDictionary(g => g.Key, g => g.SelectMany(c => Enumerable.Range(0, c.Sent).Select(c.AckedSeq)).DefaultIfEmpty().Max());

    private List<(string Token, long Pushed, long Last)> Missing(Dictionary<int, long> last, IReadOnlyList<ReceivedPush> accepted)
    {
        var pushed = accepted.Where(p => p.Type == "message").GroupBy(p => p.Token).ToDictionary(g => g.Key, g => g.Max(p => p.Seq));
        var missing = new List<(string, long, long)>();
        for (var j = 0; j < setup.OfflineUsers.Count; j++)
        {
            var token = setup.DeviceToken(j);
            var lastSeq = last.GetValueOrDefault(j / setup.OfflinePerRoom);
            var got = pushed.GetValueOrDefault(token);
            if (lastSeq > 0 && got < lastSeq)
            {
                missing.Add((token, got, lastSeq));
            }
        }

        return missing;
    }

    private (List<double> Cover, int Uncovered, List<double> Age) Latencies(List<ReceivedPush> alerts)
    {
        // Per room: seq -> when that message was due; per device: its alerts in time order with the running highest seq.
        var dueBySeq = clients.GroupBy(c => c.Room).ToDictionary(
            g => g.Key,
            g => g.SelectMany(c => Enumerable.Range(0, c.Sent).Where(n => c.AckedSeq(n) > 0).Select(n => (Seq: c.AckedSeq(n), Due: c.DueAt(n)))).ToDictionary(m => m.Seq, m => m.Due));
        var byToken = alerts.GroupBy(p => p.Token).ToDictionary(g => g.Key, g => g.OrderBy(p => p.At).ToList());
        var cover = new List<double>();
        var age = new List<double>();
        var uncovered = 0;
        for (var j = 0; j < setup.OfflineUsers.Count; j++)
        {
            var room = j / setup.OfflinePerRoom;
            var due = dueBySeq.GetValueOrDefault(room) ?? [];
            var pushes = byToken.GetValueOrDefault(setup.DeviceToken(j)) ?? [];
            var runningMax = new long[pushes.Count];
            for (var i = 0; i < pushes.Count; i++)
            {
                runningMax[i] = Math.Max(i > 0 ? runningMax[i - 1] : 0, pushes[i].Seq);
                if (due.TryGetValue(pushes[i].Seq, out var namedDue))
                {
                    age.Add(Stats.Ms(pushes[i].At - namedDue));
                }
            }

            foreach (var (seq, dueAt) in due)
            {
                if (dueAt < plan.MeasureFrom || dueAt >= plan.MeasureUntil)
                {
                    continue;
                }

                var first = FirstAtLeast(runningMax, seq);
                if (first < 0)
                {
                    uncovered++;
                }
                else
                {
                    cover.Add(Stats.Ms(pushes[first].At - dueAt));
                }
            }
        }

        return (cover, uncovered, age);
    }

    /// <summary>The first index whose value is at least <paramref name="seq"/> in a non-decreasing array, or -1.</summary>
    private static int FirstAtLeast(long[] values, long seq)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (values[mid] >= seq)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo < values.Length ? lo : -1;
    }

    private void PrintWindows(TextWriter output, IReadOnlyList<ReceivedPush> accepted)
    {
        var windows = accepted.GroupBy(p => timeline.WindowOf(p.At)).ToDictionary(g => g.Key, g => g.Count());
        var refused = standIn.Unavailable.GroupBy(timeline.WindowOf).ToDictionary(g => g.Key, g => g.Count());
        if (windows.Count + refused.Count == 0)
        {
            return;
        }

        output.WriteLine(Stats.Invariant($"pushes per {timeline.WindowSeconds:0.#} s window (time zero as in the time series):"));
        output.WriteLine("      t s  stage          200s/s  503s/s");
        var keys = windows.Keys.Concat(refused.Keys).ToList();
        for (var w = keys.Min(); w <= keys.Max(); w++)
        {
            output.WriteLine(Stats.Invariant($"  {w * timeline.WindowSeconds,7:F0}  {timeline.StageAt(timeline.WindowStart(w) + (timeline.WindowTicks / 2)),-14} {windows.GetValueOrDefault(w) / timeline.WindowSeconds,6:F1}  {refused.GetValueOrDefault(w) / timeline.WindowSeconds,6:F1}"));
        }
    }
}
