using System.Net.Http.Json;
using ChatApp.Host.Telemetry;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using SpanKind = ChatApp.IntegrationTests.Host.Telemetry.Otlp.Span.Types.SpanKind;

namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>OpenTelemetry (ADR 0020): a real host process exporting over OTLP/HTTP to a real receiver in the test.</summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_message_sent_over_the_hub_is_one_trace_from_the_hub_call_through_the_database_to_the_broadcast_and_the_meters_export()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var database = await Nodes.CreateDatabaseAsync("otel");
        try
        {
            var environment = Nodes.Environment(database, $"chatapp-test:{Guid.NewGuid():N}:", migrate: true);
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString();
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            environment["Telemetry__ServiceInstanceId"] = "otel-test-node";
            await using var node = await HostProcess.StartServerAsync(environment);
            using var http = new HttpClient { BaseAddress = node.Address };
            var ann = await Nodes.RegisterAndLoginAsync(http);
            var bob = await Nodes.RegisterAndLoginAsync(http);
            var room = (await (await Nodes.Authorized(http, ann.Token).PutAsync($"/api/v1/chat/direct/{bob.Id}", null)).Content.ReadFromJsonAsync<RoomDto>())!;

            await using var bobsPhone = Nodes.Hub(node.Address!, bob.Token);
            var arrived = new TaskCompletionSource<MessageDto>(TaskCreationOptions.RunContinuationsAsynchronously);
            bobsPhone.On<MessageDto[]>("MessagesCreated", frame => arrived.TrySetResult(Assert.Single(frame)));
            await bobsPhone.StartAsync();
            await using var annsPhone = Nodes.Hub(node.Address!, ann.Token);
            await annsPhone.StartAsync();

            var sent = await annsPhone.InvokeAsync<MessageDto>("SendMessage", room.Id, "traced-1", "hello, traces", null);
            Assert.Equal(sent.Id, (await arrived.Task.WaitAsync(Patience)).Id);

            // The hub call: SignalR's own span, a root. Exactly one SendMessage call was made, so exactly one such span.
            ReceivedSpan? hub = null, batch = null, broadcast = null, delivery = null;
            List<ReceivedSpan> trace = [];
            await Eventually.Async(() =>
            {
                var spans = receiver.Spans;
                var calls = spans.Where(s => s.Scope == TelemetrySetup.SignalRServerSource && s.Attributes.GetValueOrDefault("rpc.method") == "SendMessage").ToList();
                Assert.True(calls.Count <= 1, "one hub call, one span");
                hub = calls.SingleOrDefault();
                trace = hub is null ? [] : spans.Where(s => s.TraceId == hub.TraceId).ToList();
                batch = trace.SingleOrDefault(s => s.Name == "chat.send_batch");
                broadcast = trace.SingleOrDefault(s => s.Name == "chat.broadcast");
                delivery = trace.FirstOrDefault(s => s.Name == "outbox.deliver MessagesPostedIntegrationEvent");
                return Task.FromResult(batch is not null && broadcast is not null && delivery is not null
                    && trace.Any(s => s.Kind == SpanKind.Client && s.ParentSpanId == batch.SpanId && s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal)));
            }, Patience, "the hub call, the batch with its database commands, the broadcast and the outbox delivery in one trace; received: "
                + string.Join(", ", receiver.Spans.Select(s => $"{s.Scope}/{s.Name}")));

            Assert.Equal("", hub!.ParentSpanId);
            Assert.Equal(SpanKind.Server, hub.Kind);
            Assert.Equal(hub.SpanId, batch!.ParentSpanId);
            Assert.Contains((hub.TraceId, hub.SpanId), batch.Links);
            Assert.Equal("1", batch.Attributes["chatapp.send.batch_size"]);
            var store = trace.Where(s => s.Kind == SpanKind.Client && s.ParentSpanId == batch.SpanId && s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal)).ToList();
            Assert.Contains(store, s => s.Attributes.GetValueOrDefault("db.system") == "mysql" || s.Attributes.GetValueOrDefault("db.system.name") == "mysql");
            Assert.Equal(batch.SpanId, broadcast!.ParentSpanId);
            Assert.Equal(SpanKind.Producer, broadcast.Kind);
            // The outbox carried the trace: its delivery continues the batch that stored the event.
            Assert.Equal(batch.SpanId, delivery!.ParentSpanId);
            Assert.Equal("chat", delivery.Attributes["chatapp.module"]);
            Assert.Equal("chatapp", hub.Resource["service.name"]);
            Assert.Equal("otel-test-node", hub.Resource["service.instance.id"]);

            // ChatApp's meters: the message counted, this node's two connections, the outbox's lag.
            await Eventually.Async(() =>
            {
                var metrics = receiver.Metrics;
                return Task.FromResult(
                    metrics.Any(m => m is { Name: "chatapp.messages.sent", Scope: "ChatApp.Chat.SendPath" } && m.Total >= 1)
                    && metrics.Any(m => m is { Name: "chatapp.realtime.connections", Scope: "ChatApp.Chat.Realtime" } && m.Total >= 2)
                    && metrics.Any(m => m is { Name: "chatapp.realtime.deliveries", Scope: "ChatApp.Chat.Realtime" } && m.Total >= 1)
                    && metrics.Any(m => m is { Name: "chatapp.outbox.lag", Scope: "ChatApp.Outbox" } && m.Total >= 1));
            }, Patience, "ChatApp's metrics; received: " + string.Join(", ", receiver.Metrics.Select(m => $"{m.Scope}/{m.Name}={m.Total}").Distinct()));
            Assert.All(receiver.Metrics.Where(m => m.Scope.StartsWith("ChatApp.", StringComparison.Ordinal)),
                m => Assert.Equal("otel-test-node", m.Resource["service.instance.id"]));

            // Logs go through the OpenTelemetry provider too.
            await Eventually.Async(() => Task.FromResult(receiver.Logs.Any(l => l.Body.Contains("is listening on", StringComparison.Ordinal))),
                Patience, "the start-up log line");
            Assert.Empty(receiver.Refused);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
