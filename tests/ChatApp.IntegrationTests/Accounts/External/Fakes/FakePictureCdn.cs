using System.Collections.Concurrent;
using ChatApp.IntegrationTests.Notifications.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatApp.IntegrationTests.Accounts.External.Fakes;

/// <summary>
/// A stand-in for the providers' picture CDNs on loopback (fbcdn.net, kakaocdn.net, googleusercontent.com):
/// <c>/p/{name}</c> serves a published picture; <c>/r/{name}</c> redirects there (as Facebook's lookaside URLs do);
/// <c>/away/{name}</c> redirects to the same picture under another host name (<c>localhost</c>, not an allowed origin);
/// <c>/loop/{n}</c> redirects forever; <c>/flaky/{name}</c> answers 503 until <see cref="FailuresLeft"/> runs out;
/// <c>/sized/{name}</c> sends a Content-Length (<c>/p/</c> is chunked); <c>/stall/{name}</c> sends half the picture and
/// then nothing. Every request is recorded.
/// </summary>
public sealed class FakePictureCdn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _pictures = new();
    private WebApplication? _app;
    private int _failuresLeft;

    private FakePictureCdn()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The allowed origin the host is configured with (<c>http://127.0.0.1:port</c>).</summary>
    public string Origin => $"{BaseAddress.Scheme}://{BaseAddress.Authority}";

    /// <summary>Paths (with query) requested so far.</summary>
    public StandInRecord<string> Requests { get; } = new();

    /// <summary>How many more <c>/flaky/</c> requests answer 503.</summary>
    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public static async Task<FakePictureCdn> StartAsync()
    {
        var server = new FakePictureCdn();
        (server._app, server.BaseAddress) = await StandInServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>Publishes <paramref name="content"/> and gives its URL under <paramref name="route"/> (<c>p</c>, <c>r</c>, <c>away</c>, <c>flaky</c>).</summary>
    public Uri Publish(byte[] content, string route = "p")
    {
        var name = Guid.NewGuid().ToString("N") + ".jpg";
        _pictures[name] = content;
        return new Uri(BaseAddress, $"/{route}/{name}?oh=00_signature&oe=6A1B2C3D");
    }

    /// <summary>How many requests asked for the picture behind <paramref name="url"/>, under any route.</summary>
    public int RequestsFor(Uri url) => Requests.All.Count(path => path.Contains(Path.GetFileName(url.AbsolutePath), StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Add(path + context.Request.QueryString);
        var segments = path.Trim('/').Split('/');
        if (context.Request.Method != "GET" || segments.Length != 2)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var (route, name) = (segments[0], segments[1]);
        switch (route)
        {
            case "r":
                context.Response.Redirect($"/p/{name}{context.Request.QueryString}");
                return;
            case "away":
                context.Response.Redirect($"http://localhost:{BaseAddress.Port}/p/{name}");
                return;
            case "loop":
                context.Response.Redirect($"/loop/{int.Parse(name, System.Globalization.CultureInfo.InvariantCulture) + 1}");
                return;
            case "flaky" when Interlocked.Decrement(ref _failuresLeft) >= 0:
                context.Response.StatusCode = 503;
                return;
            case "sized" when _pictures.TryGetValue(name, out var sized):
                context.Response.ContentType = "image/jpeg";
                context.Response.ContentLength = sized.Length;
                await context.Response.Body.WriteAsync(sized);
                return;
            case "stall" when _pictures.TryGetValue(name, out var stalled):
                context.Response.ContentType = "image/jpeg";
                context.Response.ContentLength = stalled.Length;
                await context.Response.Body.WriteAsync(stalled.AsMemory(0, stalled.Length / 2));
                await context.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case "p" or "flaky" when _pictures.TryGetValue(name, out var content):
                context.Response.ContentType = "image/jpeg";
                context.Response.Headers.CacheControl = "max-age=1209600, no-transform";
                await context.Response.Body.WriteAsync(content);
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }
}
