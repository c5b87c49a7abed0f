using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Deployment;

/// <summary>
/// Stands in, behind nginx, for an instance in its drain: it answers every request as ChatApp answers a new hub
/// connection then (503, <c>Retry-After</c>, <c>chat.server_restarting</c>; NewHubConnectionsWhileStoppingTests shows
/// the host does), and counts what it was asked. A real instance drains too quickly for a test to aim at that moment.
/// </summary>
public sealed class DrainingInstanceStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hubRequests;

    private DrainingInstanceStub(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>How many requests for <c>/hubs/chat</c> reached it.</summary>
    public int HubRequests => Volatile.Read(ref _hubRequests);

    public static async Task<DrainingInstanceStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new DrainingInstanceStub(app);
        app.Run(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/hubs/chat", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref stub._hubRequests);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"status":503,"code":"chat.server_restarting","retryAfter":1}""");
        });
        await app.StartAsync();
        stub.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
