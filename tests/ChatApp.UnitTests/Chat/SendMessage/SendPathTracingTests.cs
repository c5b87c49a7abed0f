using System.Diagnostics;
using ChatApp.Modules.Chat.Features.SendMessage;
using static ChatApp.UnitTests.Chat.SendMessage.SendTestData;

namespace ChatApp.UnitTests.Chat.SendMessage;

/// <summary>How a batch of sends from several traced callers is traced (ADR 0020).</summary>
public sealed class SendPathTracingTests : IDisposable
{
    private readonly ActivitySource _callers = new("SendPathTracingTests.Callers");
    private readonly ActivityListener _listener;

    public SendPathTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source == _callers || source.Name == SendPathTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void The_batch_is_the_child_of_the_first_traced_caller_links_every_caller_and_the_others_link_back()
    {
        var (first, firstSend) = Caller(Ann);
        var (second, secondSend) = Caller(Bob);
        var untraced = Send(Cid, Guid.NewGuid(), "no trace");

        using (var batch = SendPathTracing.StartBatch([untraced, firstSend, secondSend]))
        {
            Assert.NotNull(batch);
            Assert.Equal(first.TraceId, batch.TraceId);
            Assert.Equal(first.SpanId, batch.ParentSpanId);
            Assert.Equal([first.Context, second.Context], batch.Links.Select(l => l.Context));
            Assert.Equal(3, batch.GetTagItem("chatapp.send.batch_size"));
            Assert.Empty(first.Links); // already in the batch's trace
            Assert.Equal(batch.Context, Assert.Single(second.Links).Context);

            using var broadcast = SendPathTracing.StartBroadcast(batch.Context, messages: 3, frames: 1);
            Assert.NotNull(broadcast);
            Assert.Equal(batch.SpanId, broadcast.ParentSpanId);
            Assert.Equal(ActivityKind.Producer, broadcast.Kind);
        }

        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void An_untraced_batch_has_no_broadcast_span()
    {
        Assert.Null(SendPathTracing.StartBroadcast(default, messages: 1, frames: 1));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _callers.Dispose();
    }

    /// <summary>A caller's activity (as SignalR starts one per hub call) and the send queued under it.</summary>
    private (Activity Activity, PendingSend Send) Caller(Guid user)
    {
        var previous = Activity.Current;
        Activity.Current = null; // each hub call is a root of its own
        var activity = _callers.StartActivity("hub call " + user, ActivityKind.Server)!;
        var send = Send(user, Guid.NewGuid(), "traced " + user);
        Activity.Current = previous;
        return (activity, send);
    }
}
