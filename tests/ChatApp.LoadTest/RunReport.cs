using System.Diagnostics;

namespace ChatApp.LoadTest;

/// <summary>
/// The overall summary of a load run: what was sent, acknowledged and delivered; loss, duplicates, gaps and order
/// per room; latencies of the measured stretch overall and per phase; each process's CPU in % of one core and the
/// server's CPU per delivery.
/// </summary>
internal sealed class RunReport(LoadOptions options, Measurement measurement, IReadOnlyList<LoadClient> clients, SendPlan plan)
{
    private readonly Timeline _t = measurement.Timeline;
    private string? _lostDetail;

    public void Print(TextWriter output)
    {
        var (measureFrom, measureUntil) = (plan.MeasureFrom, plan.MeasureUntil);
        var measuredSeconds = Stats.Ms(measureUntil - measureFrom) / 1000;
        var sent = clients.Sum(c => c.Sent);
        var acked = clients.Sum(c => c.Acked);
        var failed = clients.Sum(c => c.Failed);
        var (expected, lost) = Loss();
        var (gaps, outOfOrder, maxDisplacement) = Order();
        var ack = new List<double>();
        var sendLag = new List<double>();
        foreach (var client in clients)
        {
            for (var n = 0; n < client.Sent; n++)
            {
                var due = client.DueAt(n);
                sendLag.Add(Stats.Ms(client.SentAt(n) - due));
                if (due >= measureFrom && due < measureUntil && client.AckedAt(n) is var at and > 0)
                {
                    ack.Add(Stats.Ms(at - due));
                }
            }
        }

        var deliveries = clients.SelectMany(c => c.Deliveries()).ToList();
        var measured = deliveries.Where(d => d.Due >= measureFrom && d.Due < measureUntil).Select(d => Stats.Ms(d.At - d.Due)).ToList();

        output.WriteLine();
        output.WriteLine("== summary ==");
        output.WriteLine(Stats.Invariant($"clients {clients.Count} in rooms of {clients.Count / clients.Select(c => c.Room).Distinct().Count()}, {options.ProtocolName}, {options.Urls.Count} node(s); phases {string.Join(", ", plan.Phases.Select(p => p.Label + (p.Measured ? "" : " (warm-up)")))} (seconds x msg/s per client)"));
        output.WriteLine(Stats.Invariant($"time zero: {_t.OriginSource}; the load tool started at {_t.Seconds(measurement.ToolStart):F1} s, sending at {_t.Seconds(plan.Start):F1} s") + FirstEvents(deliveries));
        output.WriteLine(Stats.Invariant($"sent {sent}, acked {acked}, failed {failed}, disconnects {clients.Sum(c => c.Disconnects)}, messages the tool could not read {clients.Sum(c => c.HandlerErrors)}"));
        var failures = clients.SelectMany(c => c.Failures()).GroupBy(f => f.Key).Select(g => (Reason: g.Key, Count: g.Sum(f => f.Value)))
            .OrderByDescending(f => f.Count).ToList();
        foreach (var (reason, count) in failures.Take(3))
        {
            output.WriteLine(Stats.Invariant($"  failed {count}: {reason}"));
        }

        if (clients.Select(c => c.LastError).LastOrDefault(e => e is not null) is { } error)
        {
            output.WriteLine("last error: " + error);
        }

        output.WriteLine(Stats.Invariant($"deliveries expected {expected} (acked x other members), lost {lost} (acked, never delivered), duplicated {clients.Sum(c => c.Duplicates)}"));
        if (_lostDetail is not null)
        {
            output.WriteLine(_lostDetail);
        }

        output.WriteLine(Stats.Invariant($"order per room: out of order {outOfOrder} (seq n after n+k; max k {maxDisplacement}), gaps {gaps} (room seqs a member never saw by the end of the drain)"));
        output.WriteLine(Stats.Invariant($"measured {measuredSeconds:F0} s: acked {ack.Count / measuredSeconds:F0} msg/s, delivered {measured.Count / measuredSeconds:F0} msg/s"));
        output.WriteLine("ack latency ms      " + Stats.Percentiles(ack));
        output.WriteLine("delivery latency ms " + Stats.Percentiles(measured));
        output.WriteLine("tool send lag ms    " + Stats.Percentiles(sendLag) + "  (how late the tool itself sent; counted in the latencies)");
        PrintPhases(output, deliveries);
        PrintProcesses(output, measureFrom, measureUntil, measured.Count, ack.Count);
    }

    private string FirstEvents(List<(long Due, long At)> deliveries)
    {
        var firstAck = clients.SelectMany(c => Enumerable.Range(0, c.Sent).Select(c.AckedAt)).Where(t => t > 0).DefaultIfEmpty().Min();
        return firstAck == 0 || deliveries.Count == 0 ? ""
            : Stats.Invariant($", first ack at {_t.Seconds(firstAck):F2} s, first delivery at {_t.Seconds(deliveries.Min(d => d.At)):F2} s");
    }

    private void PrintPhases(TextWriter output, List<(long Due, long At)> deliveries)
    {
        output.WriteLine("per phase (messages due in it):");
        output.WriteLine("  phase          from s   offered/s  acked/s  delivered/s   ack p99  dlv p50  dlv p99  server CPU%");
        for (var i = 0; i < plan.Phases.Count; i++)
        {
            var phase = plan.Phases[i];
            var (from, to) = plan.PhaseSpan(i);
            var seconds = phase.Seconds;
            var ack = new List<double>();
            var ackedCount = 0;
            foreach (var client in clients)
            {
                for (var n = 0; n < client.Sent; n++)
                {
                    if (client.DueAt(n) is var due && due >= from && due < to && client.AckedAt(n) is var at and > 0)
                    {
                        ackedCount++;
                        ack.Add(Stats.Ms(at - due));
                    }
                }
            }

            var delivery = deliveries.Where(d => d.Due >= from && d.Due < to).Select(d => Stats.Ms(d.At - d.Due)).ToList();
            ack.Sort();
            delivery.Sort();
            var cpu = measurement.Servers.Select(s => WindowReport.Cpu(s, from, to)).Where(c => c is not null).Sum();
            output.WriteLine(Stats.Invariant(
                $"  {phase.Label + (phase.Measured ? "" : " warm-up"),-14} {_t.Seconds(from),6:F1}  {phase.Rate * clients.Count,10:F0} {ackedCount / seconds,8:F0} {delivery.Count / seconds,12:F0}  {Stats.Cell(Stats.At(ack, 0.99), "F1"),8} {Stats.Cell(Stats.At(delivery, 0.5), "F1"),8} {Stats.Cell(Stats.At(delivery, 0.99), "F1"),8}  {Stats.Cell(cpu),11}"));
        }
    }

    private void PrintProcesses(TextWriter output, long from, long to, int deliveredMeasured, int ackedMeasured)
    {
        output.WriteLine(Stats.Invariant($"CPU while measured ({Stats.Ms(to - from) / 1000:F0} s), in % of one core; the machine has {Environment.ProcessorCount} cores:"));
        double listed = 0, serverSeconds = 0;
        foreach (var probe in measurement.Probes)
        {
            var (seconds, covered) = probe.CpuBetween(from, to);
            var percent = covered > 0 ? seconds / (covered / (double)Stopwatch.Frequency) * 100 : double.NaN;
            listed += double.IsNaN(percent) ? 0 : percent;
            var line = Stats.Invariant($"  {probe.Name,-10} pid {probe.Pid,-8} CPU {seconds,6:F1} s = {percent,4:F0}%   peak RSS {Stats.Mib(probe.PeakRss(from, to + 1)),6:F0} MiB");
            if (probe.Role == ProbeRole.Server)
            {
                serverSeconds += seconds;
                line += ServerCounters(probe, from, to);
            }

            output.WriteLine(line + (probe.Error is null ? "" : "  (" + probe.Error + ")"));
        }

        if (WindowReport.Cpu(measurement.Machine, from, to) is { } machine)
        {
            output.WriteLine(Stats.Invariant($"  machine    all processes {machine:F0}% of {Environment.ProcessorCount * 100}%; not listed above (other work on the machine) {Math.Max(0, machine - listed):F0}%"));
        }

        foreach (var problem in measurement.CounterProblems())
        {
            output.WriteLine("  " + problem);
        }

        if (measurement.Servers.Count > 0 && deliveredMeasured > 0)
        {
            output.WriteLine(Stats.Invariant($"server CPU per delivery {serverSeconds / deliveredMeasured * 1e6:F1} us (server CPU-seconds / deliveries of measured messages), per acked message {serverSeconds / Math.Max(1, ackedMeasured) * 1e6:F1} us"));
        }
    }

    private string ServerCounters(ProcessProbe server, long from, long to)
    {
        var counters = measurement.Counters.FirstOrDefault(c => c.Pid == server.Pid);
        if (counters?.Peak(RuntimeCounters.GcHeap, from, to + 1) is not { } heap)
        {
            return "";
        }

        var heapValues = counters.Series(RuntimeCounters.GcHeap).Where(s => s.Ticks >= from && s.Ticks <= to).Select(s => s.Value).ToList();
        var seconds = Stats.Ms(to - from) / 1000;
        var alloc = counters.Sum(RuntimeCounters.AllocRate, from, to + 1) ?? 0;
        var gen2 = counters.Sum(RuntimeCounters.Gen2Count, from, to + 1) ?? 0;
        var jit = counters.Sum(RuntimeCounters.TimeInJit, from, to + 1) ?? 0;
        return Stats.Invariant($", GC heap peak {Stats.MbToMib(heap):F0} MiB (mean {Stats.MbToMib(heapValues.DefaultIfEmpty().Average()):F0}), alloc {Stats.Mib(alloc) / seconds:F1} MiB/s, gen-2 GCs {gen2:F0}, JIT {jit:F0} ms");
    }

    /// <summary>Deliveries expected (every acked message to every other member) and those that never came.</summary>
    private (long Expected, long Lost) Loss()
    {
        long expected = 0, lost = 0;
        var lostMessages = new HashSet<(int, int)>();
        var lostTo = new HashSet<int>();
        var examples = new List<string>();
        foreach (var room in clients.GroupBy(c => c.Room))
        {
            foreach (var sender in room)
            {
                for (var n = 0; n < sender.Sent; n++)
                {
                    if (sender.AckedAt(n) == 0)
                    {
                        continue;
                    }

                    foreach (var recipient in room.Where(r => r.Index != sender.Index))
                    {
                        expected++;
                        if (!recipient.HasReceived(sender.Index, n))
                        {
                            lost++;
                            lostMessages.Add((sender.Index, n));
                            lostTo.Add(recipient.Index);
                            if (examples.Count < 5)
                            {
                                examples.Add(Stats.Invariant($"{sender.Index}-{n} (seq {sender.AckedSeq(n)}, due at {_t.Seconds(sender.DueAt(n)):F1} s) to client {recipient.Index}"));
                            }
                        }
                    }
                }
            }
        }

        if (lost > 0)
        {
            _lostDetail = Stats.Invariant($"lost: {lostMessages.Count} messages to {lostTo.Count} members, e.g. {string.Join("; ", examples)}");
        }

        return (expected, lost);
    }

    /// <summary>Per room: seqs its members never saw, arrivals out of order, and the largest displacement.</summary>
    private (long Gaps, long OutOfOrder, long MaxDisplacement) Order()
    {
        long gaps = 0, outOfOrder = 0, maxDisplacement = 0;
        foreach (var room in clients.GroupBy(c => c.RoomId))
        {
            // The room's load messages span the lowest to the highest seq any sender got acknowledged or any member saw.
            var acked = room.SelectMany(s => Enumerable.Range(0, s.Sent).Select(s.AckedSeq)).Where(q => q > 0).ToList();
            var orders = room.Select(c => c.Rooms().GetValueOrDefault(room.Key)).ToList();
            var seen = orders.Where(o => o is { Count: > 0 }).ToList();
            if (acked.Count == 0 && seen.Count == 0)
            {
                continue;
            }

            var low = Math.Min(acked.DefaultIfEmpty(long.MaxValue).Min(), seen.Select(o => o!.MinSeq).DefaultIfEmpty(long.MaxValue).Min());
            var high = Math.Max(acked.DefaultIfEmpty(long.MinValue).Max(), seen.Select(o => o!.MaxSeq).DefaultIfEmpty(long.MinValue).Max());
            foreach (var order in orders)
            {
                gaps += order?.Gaps(low, high) ?? (high - low + 1);
                outOfOrder += order?.OutOfOrder ?? 0;
                maxDisplacement = Math.Max(maxDisplacement, order?.MaxDisplacement ?? 0);
            }
        }

        return (gaps, outOfOrder, maxDisplacement);
    }
}
