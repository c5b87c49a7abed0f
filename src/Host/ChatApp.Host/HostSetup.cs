using Carter;
using ChatApp.BuildingBlocks;
using ChatApp.BuildingBlocks.Caching;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Host.Http;
using ChatApp.Host.OpenApi;
using ChatApp.Host.Telemetry;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using StackExchange.Redis;

namespace ChatApp.Host;

/// <summary>Cross-cutting wiring of the one deployable host; modules plug in through <see cref="ModulesRegistry"/>.</summary>
internal static class HostSetup
{
    public static WebApplicationBuilder AddChatAppHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // Kestrel:InlineScheduling runs socket continuations on the I/O thread instead of handing each to the thread pool
        // (docs/performance.md measures it); safe because nothing here blocks an I/O continuation.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = configuration.GetValue("Kestrel:InlineScheduling", false));
        // Kestrel:Limits (appsettings.json): e.g. a request line of 16 KB, since GET /chat/presence takes 200 ids in its query.
        builder.WebHost.ConfigureKestrel(kestrel => configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        services.AddBuildingBlocks(configuration, builder.Environment);
        services.AddCarter(configurator: carter => carter
            .WithModules(ModuleEndpoints.CarterModulesIn(ModulesRegistry.Assemblies))
            .WithEmptyValidators());
        services.AddModules(configuration);

        services.AddJsonWireFormat();
        services.AddChatAppOpenApi();
        services.AddAntiforgery();
        services.AddHttpHardening(configuration);
        services.AddWebApp();
        services.AddRedis(configuration);
        services.AddQueryCache(configuration);
        services.AddAbuseLimits(configuration);
        services.AddRealtime();
        services.AddSharedDataProtection(configuration, builder.Environment);
        services.AddTelemetry(configuration); // ADR 0020: OpenTelemetry over OTLP, only when configured (before AddJobs: job filters)
        services.AddJobs(configuration);
        // SIGTERM: the modules drain first (IHostedLifecycleService.StoppingAsync), then everything stops; the whole stop
        // is bounded by this (Kubernetes' grace period is 30 s; ours must end well within it).
        services.Configure<HostOptions>(options => options.ShutdownTimeout = configuration.GetValue("Host:ShutdownTimeout", TimeSpan.FromSeconds(10)));
        return builder;
    }

    public static WebApplication UseChatAppHost(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseHttpHardening();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAbuseLimits();

        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "ChatApp jobs",
            Authorization = [],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
            AppPath = null,
        }).RequireAuthorization(AuthorizationPolicies.Admin);
        app.MapModules();
        app.MapWebApp(); // last: its fallback takes only the client routes that nothing above mapped

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    public static async Task MigrateAndExitAsync(this WebApplication app)
    {
        await app.Services.InitializeModulesAsync(applySchema: true);
        app.Logger.LogInformation("Migrations applied; exiting.");
    }

    private static void AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, ["ready"], RedisHealthCheck.Timeout);
    }

    /// <summary>
    /// SignalR with JSON and MessagePack. Between instances the chat hub's events travel on the Chat module's room bus
    /// over Redis (channel <c>{SignalR:RedisChannelPrefix}:rooms</c>), not on SignalR's Redis backplane (ADR 13).
    /// </summary>
    private static void AddRealtime(this IServiceCollection services) =>
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024)
            .AddMessagePackProtocol(options => options.SerializerOptions = MessagePackSerializerOptions.Standard
                // Payloads are the modules' internal response records, serialised by property name like JSON.
                .WithResolver(ContractlessStandardResolverAllowPrivate.Instance)
                .WithSecurity(MessagePackSecurity.UntrustedData));

    /// <summary>
    /// Keys that protect the admin cookie and antiforgery tokens: in Redis when configured, so every instance behind the
    /// load balancer can read what another issued; on disk next to the SQLite files otherwise, so they survive restarts.
    /// </summary>
    private static void AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("ChatApp");
        var redis = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, multiplexer) =>
                options.XmlRepository = new RedisXmlRepository(() => multiplexer.GetDatabase(), "chatapp:data-protection-keys"));
            return;
        }

        var directory = DatabaseSettings.From(configuration, environment).SqliteDirectory;
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "data-protection-keys")));
    }

    /// <summary>
    /// Hangfire on Redis when <c>ConnectionStrings:Redis</c> is set, in memory otherwise (embedded default).
    /// The storage and job activator are this host's own singletons, registered before <c>AddHangfire</c> (which only
    /// adds them if missing): Hangfire's defaults are process-wide statics (<c>JobStorage.Current</c>,
    /// <c>JobActivator.Current</c>), and several hosts in one process (the integration tests) would otherwise run each
    /// other's jobs against each other's storage.
    /// </summary>
    private static void AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var useRedis = !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));
        services.AddSingleton<JobStorage>(provider => useRedis
            ? new RedisStorage(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisStorageOptions
            {
                Prefix = configuration["Hangfire:RedisPrefix"] ?? "chatapp:hangfire:",
                // Workers are woken by Redis pub/sub; if a wake-up is missed (a worker subscribing late, a Redis
                // blip) they find the job at the next fetch. The library's default of 3 minutes is too slow for us.
                FetchTimeout = configuration.GetValue("Hangfire:FetchTimeout", TimeSpan.FromSeconds(15)),
            })
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount * 2));
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            // How often delayed jobs (e.g. the debounced score recomputation) are moved to the queue when due.
            options.SchedulePollingInterval = configuration.GetValue("Hangfire:SchedulePollingInterval", TimeSpan.FromSeconds(15));
        });
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return;
        }

        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("ChatApp is listening on {Address} (database: {Provider}); API reference: {Address}/scalar, jobs: {Address}/hangfire",
                address, settings.Provider, address, address);
        }
    }
}
