using ChatApp.Host;
using ChatApp.Host.Startup;

// `ChatApp.Host migrate` applies every module's migrations and seeds, then exits (production deployments run it once per release).
var migrateOnly = args.Length > 0 && args[0] == "migrate";
// `ChatApp.Host healthcheck [url]` asks a running instance whether it is ready and exits 0 or 1: the image's HEALTHCHECK,
// which needs no curl in the image (docker/Dockerfile).
if (args is ["healthcheck", .. var probeArguments])
{
    Environment.ExitCode = await HealthProbe.RunAsync(probeArguments, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(migrateOnly ? args[1..] : args);
builder.AddChatAppHost();

var app = builder.Build();
if (!await app.MeetStartupRequirementsAsync(migrateOnly))
{
    // The one line saying why has been logged; disposing flushes it.
    await app.DisposeAsync();
    Environment.ExitCode = 1;
    return;
}

if (migrateOnly)
{
    await app.MigrateAndExitAsync();
    return;
}

app.UseChatAppHost();
await app.RunAsync();

/// <summary>The entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
