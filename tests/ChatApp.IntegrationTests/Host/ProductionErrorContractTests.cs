using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>One real host process in Production (MariaDB, Redis, S3) whose search limit is 2 per user.</summary>
public sealed class ErrorContractHostFixture : IAsyncLifetime
{
    private string? _database;

    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await Nodes.CreateDatabaseAsync("errors");
        var environment = Nodes.Environment(_database, $"chatapp-test:{Guid.NewGuid():N}:", migrate: true);
        environment[ErrorContract.SearchLimitKey.Replace(":", "__", StringComparison.Ordinal)] = "2";
        Host = await HostProcess.StartServerAsync(environment);
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

public sealed class ProductionErrorContractTests(ErrorContractHostFixture fixture) : IClassFixture<ErrorContractHostFixture>
{
    [Fact]
    public async Task Every_error_a_client_can_meet_in_Production_is_a_problem_with_a_code()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.Address };
        var (_, token) = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = fixture.Host.Address });
        using var signedIn = Nodes.Authorized(new HttpClient { BaseAddress = fixture.Host.Address }, token);
        await ErrorContract.EveryErrorIsAProblemWithACodeAsync(anonymous, signedIn);
    }
}
