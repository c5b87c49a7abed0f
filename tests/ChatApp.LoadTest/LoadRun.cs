using System.Diagnostics;

namespace ChatApp.LoadTest;

/// <summary>
/// The load scenario: users and rooms (made now, or read from a --setup-only file), one connection per user, open-loop
/// sending through the phases, a drain until deliveries stop, then the summary and the time series.
/// </summary>
internal sealed class LoadRun(LoadOptions options)
{
    /// <summary>Access tokens are checked when a connection opens; re-login if one would expire before that.</summary>
    private static readonly TimeSpan TokenMargin = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync()
    {
        if (options.SetupOnly is not null)
        {
            var made = await CreateSetupAsync();
            await made.WriteAsync(options.SetupOnly);
            Log($"wrote {made.Users.Count} users and {made.Rooms.Count} rooms to {options.SetupOnly}");
            return 0;
        }

        var measurement = new Measurement(options);
        measurement.Start();
        var timeline = measurement.Timeline;
        timeline.Mark("setup");
        var setup = options.Reuse is null ? await CreateSetupAsync() : await ReuseAsync(options.Reuse);
        var clients = setup.Users.Select((user, i) => new LoadClient(i, user, i / setup.RoomSize, setup.Rooms[i / setup.RoomSize])).ToArray();
        var phases = options.Phases;
        var capacity = SendSchedule.Capacity(phases);
        await using var standIn = options.FcmStandInPort is { } fcmPort ? await FcmStandIn.StartAsync(fcmPort, TimeSpan.FromMilliseconds(options.FcmLatencyMs)) : null;

        timeline.Mark("connect");
        Log($"connecting {clients.Length} clients ({options.ProtocolName}) to {options.Urls.Count} node(s)");
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, _) =>
            await client.ConnectAsync(options.Urls[client.Index % options.Urls.Count], options.MessagePack, capacity));
        foreach (var client in clients)
        {
            client.DueOf = (sender, n) => clients[sender].DueAt(n);
        }

        var plan = new SendPlan(phases, Stopwatch.GetTimestamp());
        if (standIn is not null && options.FcmOutage is { } outage)
        {
            standIn.SetOutage(plan.At(outage.From), plan.At(outage.From + outage.Seconds));
        }

        for (var i = 0; i < phases.Count; i++)
        {
            timeline.Mark(plan.StageName(i), plan.PhaseSpan(i).From);
        }

        Log($"connected; sending, phases {string.Join(", ", phases.Select(p => p.Label))} (seconds x msg/s per client), {clients.Length} clients");
        await SendAsync(clients, plan, measurement);
        timeline.Mark("drain", plan.End);
        Log($"sending stopped; waiting until no delivery arrives for {options.Drain} s");
        await DrainAsync(clients);
        var pushes = standIn is not null && setup.OfflineUsers.Count > 0 ? new PushReport(options, setup, clients, standIn, plan, timeline) : null;
        if (pushes is not null)
        {
            timeline.Mark("push wait");
            Log($"waiting (at most {options.PushWait} s) until every offline device has been pushed its room's last message");
            await pushes.WaitAsync();
        }

        var drained = Stopwatch.GetTimestamp();
        await measurement.StopAsync();

        new RunReport(options, measurement, clients, plan).Print(Console.Out);
        pushes?.Print(Console.Out);
        var windows = new WindowReport(measurement, clients, measurement.ToolStart, drained);
        Console.WriteLine();
        Console.WriteLine(Stats.Invariant($"== time series: {timeline.WindowSeconds:0.#} s windows, time zero = {timeline.OriginSource} =="));
        PrintBeforeTool(measurement);
        windows.PrintTable(Console.Out);
        if (options.Csv is not null)
        {
            await windows.WriteCsvAsync(options.Csv);
            Console.WriteLine("time series written to " + options.Csv);
        }

        await Task.WhenAll(clients.Select(c => c.StopAsync()));
        return 0;
    }

    /// <summary>
    /// Open loop: each client's messages are due on its own schedule whatever the server did with earlier ones, and
    /// latencies count from that moment (a server that falls behind cannot hide it by slowing the senders down).
    /// </summary>
    private static async Task SendAsync(LoadClient[] clients, SendPlan plan, Measurement measurement)
    {
        var schedules = clients.Select(c => new SendSchedule(plan.Phases, c.Index * 7919 % 1000 / 1000.0)).ToArray();
        foreach (var schedule in schedules)
        {
            schedule.Advance();
        }

        var next = new int[clients.Length];
        var sampledAt = new HashSet<long> { plan.MeasureFrom, plan.MeasureUntil };
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var edge in sampledAt.Where(e => e <= now).ToList())
            {
                measurement.SampleAll(); // exact CPU figures at the edges of the measured stretch
                sampledAt.Remove(edge);
            }

            // The last round sends whatever was due before the end, so every run sends the same messages.
            var elapsed = (Math.Min(now, plan.End) - plan.Start) / (double)Stopwatch.Frequency;
            for (var i = 0; i < clients.Length; i++)
            {
                while (schedules[i].NextDue <= elapsed)
                {
                    clients[i].Send(next[i]++, plan.At(schedules[i].NextDue));
                    schedules[i].Advance();
                }
            }

            if (now >= plan.End)
            {
                break;
            }

            await Task.Delay(1);
        }
    }

    /// <summary>
    /// An overloaded server still holds acknowledged messages in its broadcast queue: wait until deliveries stop
    /// arriving for --drain seconds (at most two minutes), so that "lost" counts only what never came.
    /// </summary>
    private async Task DrainAsync(LoadClient[] clients)
    {
        var quietSince = Stopwatch.GetTimestamp();
        var lastCount = -1L;
        var deadline = Stopwatch.GetTimestamp() + (120 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var count = clients.Sum(c => c.Arrivals) + clients.Sum(c => c.Acked + c.Failed);
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
    }

    private async Task<SetupFile> CreateSetupAsync()
    {
        var rooms = options.Clients / options.RoomSize;
        var perRoom = options.OfflinePerRoom;
        Log($"setup: registering {options.Clients} users, {rooms} rooms of {options.RoomSize}" + (perRoom > 0 ? $", plus {perRoom} offline members with a push device per room" : ""));
        var users = await CreateUsersAsync(options, options.Clients);
        var offline = await CreateUsersAsync(options, rooms * perRoom, "offline");
        var roomIds = new Guid[rooms];
        var setup = new SetupFile(options.Prefix, options.RoomSize, users, roomIds, perRoom, offline);
        using (var api = new ServerApi(options.Urls[0]))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, offline.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (j, _) =>
                await api.RegisterAndroidDeviceAsync(offline[j], setup.DeviceToken(j)));
            await Parallel.ForEachAsync(Enumerable.Range(0, rooms), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (room, _) =>
            {
                var members = users.Skip(room * options.RoomSize).Take(options.RoomSize).ToList();
                var others = members.Skip(1).Concat(offline.Skip(room * perRoom).Take(perRoom)).Select(m => m.Id);
                roomIds[room] = await api.CreateGroupAsync(members[0], $"load room {room}", others);
            });
        }

        return setup;
    }

    private async Task<SetupFile> ReuseAsync(string path)
    {
        var setup = await SetupFile.ReadAsync(path);
        Log($"reusing {setup.Users.Count} users in {setup.Rooms.Count} rooms of {setup.RoomSize} from {path}");
        if (setup.Users.Min(u => u.AccessTokenExpiresAt) > DateTimeOffset.UtcNow + TokenMargin)
        {
            return setup;
        }

        Log("access tokens expire within two minutes: logging every user in again (this traffic is part of the run)");
        var users = new LoadUser[setup.Users.Count];
        using var api = new ServerApi(options.Urls[0]);
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            users[i] = await api.LoginAsync(setup.Users[i].Id, setup.Users[i].Email));
        return setup with { Users = users };
    }

    /// <summary>Registers <paramref name="count"/> users (each logged in once).</summary>
    public static async Task<LoadUser[]> CreateUsersAsync(LoadOptions options, int count, string? kind = null)
    {
        var users = new LoadUser[count];
        using var api = new ServerApi(options.Urls[0]);
        var prefix = kind is null ? options.Prefix : $"{options.Prefix}-{kind}";
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            users[i] = await api.CreateUserAsync($"{prefix}-{i}@load.test"));
        return users;
    }

    /// <summary>What the server did before the tool came: its start-up, and for a warmed server its earlier life.</summary>
    private static void PrintBeforeTool(Measurement measurement)
    {
        var t = measurement.Timeline;
        foreach (var server in measurement.Servers.Where(s => s.StartTicks is not null))
        {
            var first = server.Samples.Skip(1).FirstOrDefault();
            if (first.Ticks > 0)
            {
                Console.WriteLine(Stats.Invariant($"{server.Name} (pid {server.Pid}) started at {t.Seconds(server.StartTicks!.Value):F1} s and had used {first.CpuSeconds:F1} s of CPU when the tool first looked at {t.Seconds(first.Ticks):F1} s"));
            }
        }
    }

    public static void Log(string text) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
}
