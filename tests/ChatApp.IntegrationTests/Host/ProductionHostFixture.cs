using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>One real host process in Production (MariaDB, Redis, S3) with one allowed CORS origin, shared by a test class.</summary>
public class ProductionHostFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://app.chatapp.test";

    private string? _database;

    public HostProcess Host { get; private set; } = null!;

    public Uri Address => Host.Address!;

    public async Task InitializeAsync()
    {
        _database = await Nodes.CreateDatabaseAsync("hardening");
        var environment = Nodes.Environment(_database, $"chatapp-test:{Guid.NewGuid():N}:", migrate: true);
        environment["Cors__AllowedOrigins__0"] = AllowedOrigin;
        Configure(environment);
        Host = await HostProcess.StartServerAsync(environment);
    }

    /// <summary>Settings of a derived fixture on top of the shared ones (environment variable names).</summary>
    protected virtual void Configure(Dictionary<string, string> environment)
    {
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_database is not null)
        {
            await Nodes.DropDatabaseAsync(_database);
        }
    }
}
