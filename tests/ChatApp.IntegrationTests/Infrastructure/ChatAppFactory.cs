using ChatApp.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Respawn;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// The real host over HTTP, on a fresh MariaDB database of its own (created and migrated at start, dropped at the end)
/// with Redis-backed Hangfire under a key prefix of its own. Tests reset the data between them with <see cref="ResetAsync"/>.
/// </summary>
public class ChatAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@chatapp.test";
    public const string AdminPassword = "Admin-Passw0rd";

    private readonly string _databaseName = "chatapp_t_" + Guid.NewGuid().ToString("N")[..16];
    private Respawner? _respawner;

    public string DatabaseConnectionString => new MySqlConnectionStringBuilder(TestServers.MySql) { Database = _databaseName }.ConnectionString;

    public string HangfirePrefix { get; } = $"chatapp-test:{Guid.NewGuid():N}:";

    /// <summary>Where the Media module's local storage keeps files for this host (a temporary folder).</summary>
    public string MediaDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatapp-media-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the embedded default writes account mails (.eml files) for this host, unless a test class configures SMTP.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatapp-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra service registrations for a test class (test doubles of handlers, probes).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MySql", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", TestServers.Redis);
        builder.UseSetting("Database:Provider", "MySql");
        builder.UseSetting("Hangfire:RedisPrefix", HangfirePrefix);
        builder.UseSetting("SignalR:RedisChannelPrefix", HangfirePrefix + "signalr");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Jwt:SigningKey", "integration-tests-signing-key-0123456789-abcdefghij");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Outbox:RetryBaseDelay", "00:00:00.100");
        builder.UseSetting("Hangfire:WorkerCount", "2");
        builder.UseSetting("Hangfire:FetchTimeout", "00:00:01");
        builder.UseSetting("Chat:SyncMaxEventsPerRoom", "30");
        builder.UseSetting("Chat:SendRateLimit:Burst", "1000");
        builder.UseSetting("Chat:InviteLinkBaseUrl", "https://invite.test/i/");
        // Many hosts share two cores while the suite runs: a busy moment is not an overloaded production node.
        builder.UseSetting("Chat:OverloadLag", "00:00:10");
        builder.UseSetting("Chat:SessionCheckInterval", "00:00:00.500");
        builder.UseSetting("Media:LocalDirectory", MediaDirectory);
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Recommendation:ScoreDebounce", "00:00:02");
        builder.UseSetting("Hangfire:SchedulePollingInterval", "00:00:01");
        foreach (var (key, value) in RateLimitSettings.For(HangfirePrefix + "rl:"))
        {
            builder.UseSetting(key, value);
        }

        ConfigureSettings(builder);
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    public virtual async Task InitializeAsync()
    {
        await using var connection = new MySqlConnection(TestServers.MySql);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{_databaseName}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        await command.ExecuteNonQueryAsync();
        _ = Server; // start the host: migrations run at startup
    }

    /// <summary>Empties every table but the migrations history, then runs the module initializers (admin seeding) again.</summary>
    public virtual async Task ResetAsync()
    {
        await using (var connection = new MySqlConnection(DatabaseConnectionString))
        {
            await connection.OpenAsync();
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.MySql,
                SchemasToInclude = [_databaseName],
                TablesToIgnore = Services.GetRequiredService<ModuleDatabaseRegistry>().All
                    .Select(database => new Respawn.Graph.Table($"{database.Schema}___EFMigrationsHistory"))
                    .ToArray(),
            });
            await _respawner.ResetAsync(connection);
        }

        if (Directory.Exists(MediaDirectory))
        {
            Directory.Delete(MediaDirectory, recursive: true);
        }

        await Services.InitializeModulesAsync(applySchema: false);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
        if (Directory.Exists(MediaDirectory))
        {
            Directory.Delete(MediaDirectory, recursive: true);
        }

        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    protected virtual async Task DropDatabaseAsync()
    {
        await using var connection = new MySqlConnection(TestServers.MySql);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS `{_databaseName}`";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The embedded default: SQLite files in a temporary folder, Hangfire in memory, no Redis. Used for the smoke path
/// that keeps the zero-install mode working.
/// </summary>
public class EmbeddedChatAppFactory : ChatAppFactory
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatapp-embedded-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqliteDirectory", _directory);
    }

    public override Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    public override Task ResetAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
