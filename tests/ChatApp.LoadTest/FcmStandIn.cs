using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatApp.LoadTest;

/// <summary>
/// A minimal FCM HTTP v1 and Google token endpoint on 127.0.0.1 for the push benchmark (plain HTTP/1.1, no checks of
/// the grant: the integration tests' stand-in checks the protocol; this one counts). <c>POST /token</c> answers an
/// access token to any grant; <c>POST /v1/projects/{id}/messages:send</c> records the push (token, data.roomId,
/// data.seq, data.type, when) and answers 200, or 503 UNAVAILABLE inside the outage window, optionally after a fixed
/// latency (what a real provider's round trip adds).
/// </summary>
internal sealed class FcmStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private readonly ConcurrentQueue<ReceivedPush> _pushes = new();
    private long _grants;
    private readonly ConcurrentQueue<long> _unavailable = new();
    private long _outageFrom = long.MaxValue;
    private long _outageUntil = long.MaxValue;

    private FcmStandIn(WebApplication app, TimeSpan latency)
    {
        _app = app;
        _latency = latency;
        app.Run(HandleAsync);
    }

    /// <summary>Access tokens handed out.</summary>
    public long Grants => Interlocked.Read(ref _grants);

    /// <summary>When sends were answered 503 (the outage), Stopwatch ticks.</summary>
    public IReadOnlyList<long> Unavailable => [.. _unavailable];

    /// <summary>Every send answered 200, in arrival order.</summary>
    public IReadOnlyList<ReceivedPush> Accepted => [.. _pushes];

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<FcmStandIn> StartAsync(int port, TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var standIn = new FcmStandIn(builder.Build(), latency);
        await standIn._app.StartAsync();
        return standIn;
    }

    /// <summary>Sends arriving between the two Stopwatch timestamps are answered 503.</summary>
    public void SetOutage(long from, long until)
    {
        Interlocked.Exchange(ref _outageFrom, from);
        Interlocked.Exchange(ref _outageUntil, until);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (path == "/token")
        {
            var n = Interlocked.Increment(ref _grants);
            await context.Response.WriteAsJsonAsync(new { access_token = "bench-access-" + n.ToString(CultureInfo.InvariantCulture), expires_in = 3599, token_type = "Bearer" });
            return;
        }

        if (!path.StartsWith("/v1/projects/", StringComparison.Ordinal) || !path.EndsWith("/messages:send", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency);
        }

        var now = Stopwatch.GetTimestamp();
        if (now >= Interlocked.Read(ref _outageFrom) && now < Interlocked.Read(ref _outageUntil))
        {
            _unavailable.Enqueue(now);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error = new { code = 503, message = "The service is currently unavailable.", status = "UNAVAILABLE" } });
            return;
        }

        var message = body.RootElement.GetProperty("message");
        var data = message.GetProperty("data");
        _pushes.Enqueue(new ReceivedPush(
            now,
            message.GetProperty("token").GetString() ?? "",
            data.GetProperty("roomId").GetString() ?? "",
            long.Parse(data.GetProperty("seq").GetString() ?? "0", CultureInfo.InvariantCulture),
            data.GetProperty("type").GetString() ?? ""));
        await context.Response.WriteAsJsonAsync(new { name = "projects/chatapp-bench/messages/" + Guid.NewGuid().ToString("N") });
    }
}
