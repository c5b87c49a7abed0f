using System.Diagnostics.Metrics;
using ChatApp.Modules.Chat.Features.SendMessage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static ChatApp.UnitTests.Chat.SendMessage.SendTestData;

namespace ChatApp.UnitTests.Chat.SendMessage;

public sealed class SendPathMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Each_stage_is_recorded_in_milliseconds_on_the_send_path_meter()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        var recorded = new List<(string Meter, string Instrument, string? Unit, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => recorded.Add((i.Meter.Name, i.Name, i.Unit, value)));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => recorded.Add((i.Meter.Name, i.Name, i.Unit, value)));
        var metrics = new SendPathMetrics(meters, NullLoggerFactory.Instance);
        listener.Start();
        PendingSend[] batch = [Send(Ann, Guid.NewGuid(), "a"), Send(Bob, Guid.NewGuid(), "b"), Send(Cid, Guid.NewGuid(), "c")];

        var timings = metrics.Taken(batch);
        timings.Admission = TimeSpan.FromMilliseconds(2);
        timings.Store = TimeSpan.FromMilliseconds(7.5);
        metrics.Stored(timings);
        timings.Broadcast = TimeSpan.FromMilliseconds(1.25);
        metrics.Broadcast(timings);

        Assert.All(recorded, r => Assert.Equal("ChatApp.Chat.SendPath", r.Meter));
        var waits = recorded.Where(r => r.Instrument == "chatapp.send.queue_wait").ToList();
        Assert.Equal(3, waits.Count); // one per send
        Assert.All(waits, w => Assert.InRange(w.Value, 0, timings.LongestQueueWait.TotalMilliseconds));
        Assert.Equal(timings.LongestQueueWait.TotalMilliseconds, waits.Max(w => w.Value));
        Assert.Equal(3, timings.Sends);
        Assert.Equal(
            [("chatapp.send.batch_size", "{send}", 3), ("chatapp.send.admission", "ms", 2), ("chatapp.send.store", "ms", 7.5), ("chatapp.send.broadcast", "ms", 1.25)],
            recorded.Where(r => r.Instrument != "chatapp.send.queue_wait").Select(r => (r.Instrument, r.Unit, r.Value)));
    }

    [Theory]
    [InlineData(LogLevel.Debug, 1)]
    [InlineData(LogLevel.Information, 0)]
    public void A_batch_writes_one_debug_line_with_its_stage_times_under_the_send_path_category(LogLevel minimum, int lines)
    {
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(minimum).AddProvider(provider));
        var metrics = new SendPathMetrics(_services.GetRequiredService<IMeterFactory>(), loggers);
        var timings = new SendBatchTimings(3, TimeSpan.FromMilliseconds(4))
        {
            Admission = TimeSpan.FromMilliseconds(2), Store = TimeSpan.FromMilliseconds(7.5), Broadcast = TimeSpan.FromMilliseconds(1.5), Stored = 2,
        };

        metrics.Finished(timings);

        Assert.Equal(lines, provider.Lines.Count);
        Assert.All(provider.Lines, line =>
        {
            Assert.Equal(("ChatApp.Chat.SendPath", LogLevel.Debug), (line.Category, line.Level));
            Assert.Equal("Send batch of 3 (2 stored): queue wait up to 4.0 ms, admission 2.0 ms, store 7.5 ms, broadcast 1.5 ms", line.Message);
        });
    }

    public void Dispose() => _services.Dispose();
}
