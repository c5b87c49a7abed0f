using System.Diagnostics;
using System.Globalization;
using ChatApp.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or IndexOutOfRangeException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var probes = options.ServerPids.Select((pid, i) => new ProcessProbe($"server{i + 1}", pid))
    .Concat(options.WatchPids.Select(w => new ProcessProbe(w.Key, w.Value)))
    .ToList();
var servers = probes.Where(p => p.Name.StartsWith("server", StringComparison.Ordinal)).ToList();

return options.Idle > 0 ? await IdleAsync() : await LoadAsync();

async Task<int> LoadAsync()
{
    var rooms = options.Clients / options.RoomSize;
    Log($"setup: {options.Clients} users, {rooms} rooms of {options.RoomSize}, {options.Urls.Count} node(s)");
    var users = await CreateUsersAsync(options.Clients);
    var clients = new LoadClient[options.Clients];
    using (var api = new ServerApi(options.Urls[0]))
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, rooms), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (room, _) =>
        {
            var members = Enumerable.Range(room * options.RoomSize, options.RoomSize).ToList();
            var roomId = await api.CreateGroupAsync(users[members[0]], $"load room {room}", members.Skip(1).Select(m => users[m].Id));
            foreach (var m in members)
            {
                clients[m] = new LoadClient(m, users[m], room, roomId);
            }
        });
    }

    var capacity = (int)Math.Ceiling(options.Rate * (options.Warmup + options.Duration + 5)) + 16;
    await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, _) =>
        await client.ConnectAsync(options.Urls[client.Index % options.Urls.Count], options.MessagePack, capacity));
    foreach (var client in clients)
    {
        client.ScheduledAtOf = (sender, n) => clients[sender].ScheduledAt(n);
    }

    Log($"connected; sending {options.Rate} msg/s per client ({options.Rate * options.Clients:F0} msg/s in all) for {options.Warmup}+{options.Duration} s");
    var start = Stopwatch.GetTimestamp();
    var measureFrom = start + (long)(options.Warmup * Stopwatch.Frequency);
    var measureUntil = measureFrom + (long)(options.Duration * Stopwatch.Frequency);
    foreach (var client in clients)
    {
        client.MeasureFrom = measureFrom;
        client.MeasureUntil = measureUntil;
    }

    // Open loop: every client's n-th message is due at start + (n + phase) / rate, whether or not earlier ones were acked,
    // and latencies count from that moment (a server that falls behind cannot hide it by slowing the senders down).
    var interval = Stopwatch.Frequency / options.Rate;
    var phases = clients.Select(c => (c.Index * 7919 % 1000) / 1000.0).ToArray();
    var next = new int[clients.Length];
    var toolCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var measuring = false;
    while (true)
    {
        var now = Stopwatch.GetTimestamp();
        if (!measuring && now >= measureFrom)
        {
            measuring = true;
            toolCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            probes.ForEach(p => p.Start());
        }

        if (now >= measureUntil)
        {
            break;
        }

        for (var i = 0; i < clients.Length; i++)
        {
            long due;
            while ((due = start + (long)((next[i] + phases[i]) * interval)) <= now)
            {
                clients[i].Send(next[i]++, due);
            }
        }

        if (measuring)
        {
            probes.ForEach(p => p.Sample());
        }

        await Task.Delay(1);
    }

    probes.ForEach(p => p.Stop());
    var toolCpu = (Process.GetCurrentProcess().TotalProcessorTime - toolCpuStart).TotalSeconds;
    // An overloaded server still holds acknowledged messages in its broadcast queue: wait until deliveries stop
    // arriving for --drain seconds (at most two minutes), so that "lost" counts only what never came.
    Log($"sending stopped; waiting until no delivery arrives for {options.Drain} s");
    var quietSince = Stopwatch.GetTimestamp();
    var lastCount = -1L;
    var drainDeadline = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
    while (Stopwatch.GetTimestamp() < drainDeadline)
    {
        var count = clients.Sum(c => c.ReceivedCount);
        if (count != lastCount)
        {
            lastCount = count;
            quietSince = Stopwatch.GetTimestamp();
        }
        else if (Stopwatch.GetElapsedTime(quietSince).TotalSeconds >= options.Drain)
        {
            break;
        }

        await Task.Delay(200);
    }

    Report(clients, toolCpu);
    await Task.WhenAll(clients.Select(c => c.StopAsync()));
    return 0;
}

async Task<int> IdleAsync()
{
    if (servers.Count == 0)
    {
        Console.Error.WriteLine("--idle needs --server-pid to measure server memory.");
        return 2;
    }

    const int usersCount = 50;
    var users = await CreateUsersAsync(usersCount);
    await Task.Delay(TimeSpan.FromSeconds(3));
    var before = servers.Sum(s => s.RssBytes());
    var clients = Enumerable.Range(0, options.Idle).Select(i => new LoadClient(i, users[i % usersCount], 0, Guid.Empty)).ToList();
    await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, _) =>
        await client.ConnectAsync(options.Urls[client.Index % options.Urls.Count], options.MessagePack, 1));
    await Task.Delay(TimeSpan.FromSeconds(10));
    var after = servers.Sum(s => s.RssBytes());
    var perThousand = (after - before) / 1024.0 / 1024.0 / options.Idle * 1000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"idle connections: {options.Idle}; server RSS before {Mib(before):F1} MiB, after {Mib(after):F1} MiB; {perThousand:F2} MiB per 1,000 connections"));
    await Task.WhenAll(clients.Select(c => c.StopAsync()));
    return 0;
}

async Task<LoadUser[]> CreateUsersAsync(int count)
{
    var users = new LoadUser[count];
    using var api = new ServerApi(options.Urls[0]);
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        users[i] = await api.CreateUserAsync($"{options.Prefix}-{i}@load.test"));
    return users;
}

void Report(LoadClient[] clients, double toolCpu)
{
    var sent = clients.Sum(c => c.Sent);
    var acked = clients.Sum(c => c.Acked);
    var failed = clients.Sum(c => c.Failed);
    long expected = 0, lost = 0;
    foreach (var recipient in clients)
    {
        foreach (var sender in clients.Where(s => s.Room == recipient.Room && s.Index != recipient.Index))
        {
            for (var n = 0; n < sender.Sent; n++)
            {
                if (!sender.IsAcked(n))
                {
                    continue;
                }

                expected++;
                if (!recipient.HasReceived(sender.Index, n))
                {
                    lost++;
                }
            }
        }
    }

    var ack = clients.SelectMany(c => c.AckLatenciesMs).ToArray();
    var delivery = clients.SelectMany(c => c.DeliveryLatenciesMs).ToArray();
    var deliveredMeasured = clients.Sum(c => c.MeasuredDeliveries);
    var inv = CultureInfo.InvariantCulture;
    Console.WriteLine();
    Console.WriteLine(string.Create(inv, $"clients {options.Clients} in rooms of {options.RoomSize}, {options.Rate} msg/s each, {options.Duration} s measured (+{options.Warmup} s warm-up), {options.Urls.Count} node(s), {(options.MessagePack ? "MessagePack" : "JSON")}"));
    Console.WriteLine(string.Create(inv, $"sent {sent}, acked {acked}, failed {failed}, deliveries expected {expected}, lost {lost}, duplicated {clients.Sum(c => c.Duplicates)}, out of order {clients.Sum(c => c.OutOfOrder)}"));
    if (failed > 0)
    {
        Console.WriteLine("last error: " + clients.Select(c => c.LastError).LastOrDefault(e => e is not null));
    }

    Console.WriteLine(string.Create(inv, $"measured window: sent {ack.Length / (double)options.Duration:F0} acked msg/s, delivered {deliveredMeasured / (double)options.Duration:F0} msg/s"));
    Console.WriteLine("ack latency ms      " + Percentiles(ack));
    Console.WriteLine("delivery latency ms " + Percentiles(delivery));
    foreach (var probe in probes)
    {
        Console.WriteLine(string.Create(inv, $"{probe.Name} (pid {probe.Pid}): CPU {probe.CpuSeconds:F1} s = {probe.CpuSeconds / options.Duration * 100:F0}% of one core, peak RSS {Mib(probe.PeakRssBytes):F0} MiB"));
    }

    if (servers.Count > 0 && deliveredMeasured > 0)
    {
        var serverCpu = servers.Sum(s => s.CpuSeconds);
        Console.WriteLine(string.Create(inv, $"server CPU per delivered message {serverCpu / deliveredMeasured * 1e6:F1} us, per sent message {serverCpu / Math.Max(1, ack.Length) * 1e6:F1} us"));
    }

    Console.WriteLine(string.Create(inv, $"load tool CPU {toolCpu:F1} s = {toolCpu / options.Duration * 100:F0}% of one core"));
}

static string Percentiles(double[] values)
{
    if (values.Length == 0)
    {
        return "(none)";
    }

    Array.Sort(values);
    double At(double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):F1}  p95 {At(0.95):F1}  p99 {At(0.99):F1}  max {values[^1]:F1}  (n={values.Length})");
}

static double Mib(long bytes) => bytes / 1024.0 / 1024.0;

static void Log(string text) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
