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
            await using var node = await HostProcess.StartServerAsync(NodeExportingTo(receiver, database));
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
            await WaitAsync(() =>
            {
                var spans = receiver.Spans;
                var calls = spans.Where(s => s.Scope == TelemetrySetup.SignalRServerSource && s.Attributes.GetValueOrDefault("rpc.method") == "SendMessage").ToList();
                Assert.True(calls.Count <= 1, "one hub call, one span");
                hub = calls.SingleOrDefault();
                trace = hub is null ? [] : spans.Where(s => s.TraceId == hub.TraceId).ToList();
                batch = trace.SingleOrDefault(s => s.Name == "chat.send_batch");
                broadcast = trace.SingleOrDefault(s => s.Name == "chat.broadcast");
                delivery = trace.FirstOrDefault(s => s.Name == "outbox.deliver MessagesPostedIntegrationEvent");
                return batch is not null && broadcast is not null && delivery is not null
                    && trace.Any(s => s.Kind == SpanKind.Client && s.ParentSpanId == batch.SpanId && s.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal));
            }, () => "the hub call, the batch with its database commands, the broadcast and the outbox delivery in one trace; received: "
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
            await WaitAsync(() =>
            {
                var metrics = receiver.Metrics;
                return metrics.Any(m => m is { Name: "chatapp.messages.sent", Scope: "ChatApp.Chat.SendPath" } && m.Total >= 1)
                    && metrics.Any(m => m is { Name: "chatapp.realtime.connections", Scope: "ChatApp.Chat.Realtime" } && m.Total >= 2)
                    && metrics.Any(m => m is { Name: "chatapp.realtime.deliveries", Scope: "ChatApp.Chat.Realtime" } && m.Total >= 1)
                    && metrics.Any(m => m is { Name: "chatapp.outbox.lag", Scope: "ChatApp.Outbox" } && m.Total >= 1);
            }, () => "ChatApp's metrics; received: " + string.Join(", ", receiver.Metrics.Select(m => $"{m.Scope}/{m.Name}={m.Total}").Distinct()));
            Assert.All(receiver.Metrics.Where(m => m.Scope.StartsWith("ChatApp.", StringComparison.Ordinal)),
                m => Assert.Equal("otel-test-node", m.Resource["service.instance.id"]));

            // Logs go through the OpenTelemetry provider too.
            await WaitAsync(() => receiver.Logs.Any(l => l.Body.Contains("is listening on", StringComparison.Ordinal)),
                () => "the start-up log line; received: " + string.Join(" | ", receiver.Logs.Select(l => l.Body).Take(20)));
            Assert.Empty(receiver.Refused);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
            if (Directory.Exists(MediaDirectory(database)))
            {
                Directory.Delete(MediaDirectory(database), recursive: true);
            }
        }
    }

    /// <summary>
    /// A request deletes a message whose picture is then released: the outbox carries the request's trace to Media's
    /// handler, which queues the clean-up job; the job's span continues the same trace.
    /// </summary>
    [Fact]
    public async Task A_job_queued_while_handling_a_request_runs_in_the_request_s_trace_through_the_outbox()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var database = await Nodes.CreateDatabaseAsync("otel_job");
        try
        {
            await using var node = await HostProcess.StartServerAsync(NodeExportingTo(receiver, database));
            using var http = new HttpClient { BaseAddress = node.Address };
            var ann = await Nodes.RegisterAndLoginAsync(http);
            var bob = await Nodes.RegisterAndLoginAsync(http);
            Nodes.Authorized(http, ann.Token);
            var room = (await (await http.PutAsync($"/api/v1/chat/direct/{bob.Id}", null)).Content.ReadFromJsonAsync<RoomDto>())!;
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(TestImages.Solid(64, 64, SkiaSharp.SKColors.Teal));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "photo.jpg");
            form.Add(new StringContent("chat"), "purpose");
            var uploaded = await http.PostAsync("/api/v1/media/images", form);
            Assert.Equal(System.Net.HttpStatusCode.Created, uploaded.StatusCode);
            var image = (await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            var sent = await http.PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages", new { clientMessageId = "with-picture", text = "look", attachments = new[] { image } });
            Assert.Equal(System.Net.HttpStatusCode.Created, sent.StatusCode);
            var message = (await sent.Content.ReadFromJsonAsync<MessageDto>())!;

            var deleted = await http.DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}");
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);

            ReceivedSpan? request = null, delivery = null, job = null;
            await WaitAsync(() =>
            {
                var spans = receiver.Spans;
                request = spans.SingleOrDefault(s => s.Kind == SpanKind.Server && s.Attributes.GetValueOrDefault("http.request.method") == "DELETE");
                delivery = request is null ? null : spans.SingleOrDefault(s => s.TraceId == request.TraceId && s.Name == "outbox.deliver MessageDeletedIntegrationEvent");
                job = request is null ? null : spans.SingleOrDefault(s => s.TraceId == request.TraceId && s.Name == "job CleanUpMediaJob.RunAsync");
                return job is not null && delivery is not null;
            }, () => "the DELETE request, its outbox delivery and the clean-up job in one trace; received: "
                + string.Join(", ", receiver.Spans.Select(s => $"{s.Scope}/{s.Name}")));

            Assert.Equal("", request!.ParentSpanId);
            Assert.Equal(request.SpanId, delivery!.ParentSpanId);
            Assert.Equal(delivery.SpanId, job!.ParentSpanId);
            Assert.Equal(SpanKind.Consumer, job.Kind);
            await WaitAsync(() => receiver.Metrics.Any(m => m is { Name: "chatapp.jobs.runs", Scope: "ChatApp.Jobs" } && m.Total >= 1),
                () => "the job run counted");
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
            if (Directory.Exists(MediaDirectory(database)))
            {
                Directory.Delete(MediaDirectory(database), recursive: true);
            }
        }
    }

    /// <summary>Waits (at most <see cref="Patience"/>) until the receiver has what the condition looks for; the failure says what it had.</summary>
    private static Task WaitAsync(Func<bool> condition, Func<string> received) =>
        Eventually.Async(condition, Patience, () => "for " + received());

    /// <summary>A Production node (MariaDB, Redis) exporting to the receiver, with short export delays.</summary>
    private static Dictionary<string, string> NodeExportingTo(OtlpReceiver receiver, string database)
    {
        var environment = Nodes.Environment(database, $"chatapp-test:{Guid.NewGuid():N}:", migrate: true);
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString();
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        environment["Telemetry__ServiceInstanceId"] = "otel-test-node";
        environment["Media__LocalDirectory"] = MediaDirectory(database);
        return environment;
    }

    private static string MediaDirectory(string database) => Path.Combine(Path.GetTempPath(), "chatapp-media-" + database);
}
