namespace ChatApp.LoadTest;

/// <summary>
/// Idle memory: N authenticated connections (JSON unless --protocol messagepack) that send nothing, and what they
/// cost the servers: RSS, and the GC heap as the runtime counts it and after a full GC (induced over EventPipe), before
/// and after connecting, per 1,000 connections.
/// </summary>
internal sealed class IdleRun(LoadOptions options)
{
    private const int Users = 50;

    public async Task<int> RunAsync()
    {
        if (options.ServerPids.Count == 0)
        {
            Console.Error.WriteLine("--idle needs --server-pid to measure server memory.");
            return 2;
        }

        var measurement = new Measurement(options);
        measurement.Start();
        measurement.Timeline.Mark("setup");
        var users = await LoadRun.CreateUsersAsync(options, Users);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await SnapshotAsync(measurement);

        measurement.Timeline.Mark("connect");
        LoadRun.Log($"opening {options.Idle} idle {options.ProtocolName} connections ({Users} users, each with its access token) to {options.Urls.Count} node(s)");
        var clients = Enumerable.Range(0, options.Idle).Select(i => new LoadClient(i, users[i % Users], 0, Guid.Empty)).ToList();
        var connectStart = System.Diagnostics.Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, _) =>
            await client.ConnectAsync(options.Urls[client.Index % options.Urls.Count], options.MessagePack, 1));
        var connectSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(connectStart).TotalSeconds;
        measurement.Timeline.Mark("idle");
        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = await SnapshotAsync(measurement);
        var disconnects = clients.Sum(c => c.Disconnects);
        await measurement.StopAsync();

        var per = 1000.0 / options.Idle;
        Console.WriteLine();
        Console.WriteLine("== idle memory ==");
        Console.WriteLine(Stats.Invariant($"idle connections: {options.Idle} ({options.ProtocolName}, authenticated; opened in {connectSeconds:F1} s; {disconnects} dropped) on {options.Urls.Count} node(s)"));
        Console.WriteLine(Stats.Invariant($"server RSS:                  before {Stats.Mib(before.Rss):F1} MiB, after {Stats.Mib(after.Rss):F1} MiB; {Stats.Mib(after.Rss - before.Rss) * per:F2} MiB per 1,000 connections"));
        Console.WriteLine(Line("GC heap (runtime counter):", before.Heap, after.Heap, per));
        Console.WriteLine(Line("GC heap live (full GC):    ", before.HeapAfterGc, after.HeapAfterGc, per));
        foreach (var problem in measurement.CounterProblems())
        {
            Console.WriteLine(problem);
        }

        Console.WriteLine();
        Console.WriteLine(Stats.Invariant($"== time series: {measurement.Timeline.WindowSeconds:0.#} s windows, time zero = {measurement.Timeline.OriginSource} =="));
        new WindowReport(measurement, [], measurement.ToolStart, System.Diagnostics.Stopwatch.GetTimestamp()).PrintTable(Console.Out);
        await Task.WhenAll(clients.Select(c => c.StopAsync()));
        return 0;
    }

    private static string Line(string what, double? before, double? after, double per) =>
        before is { } b && after is { } a
            ? Stats.Invariant($"{what}  before {Stats.MbToMib(b):F1} MiB, after {Stats.MbToMib(a):F1} MiB; {Stats.MbToMib(a - b) * per:F2} MiB per 1,000 connections")
            : what + "  not available";

    /// <summary>
    /// The servers' RSS (mean of three readings a second apart), their GC heap as the runtime counter last saw it
    /// (live objects plus what gen 0 allocated since the last GC), and what survives a full GC (live objects only);
    /// servers summed, in MB. RSS is read before the GC is induced, which may return memory to the system.
    /// </summary>
    private static async Task<(long Rss, double? Heap, double? HeapAfterGc)> SnapshotAsync(Measurement measurement)
    {
        long rss = 0;
        for (var i = 0; i < 3; i++)
        {
            rss += measurement.Servers.Sum(s => s.RssBytes());
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        // A sum over the servers only if every server answered.
        double? heap = measurement.Counters.Count > 0 ? 0 : null, afterGc = heap;
        foreach (var counters in measurement.Counters)
        {
            heap += counters.Latest(RuntimeCounters.GcHeap);
            afterGc += await counters.InduceFullGcAsync() / 1e6;
        }

        return (rss / 3, heap, afterGc);
    }
}
