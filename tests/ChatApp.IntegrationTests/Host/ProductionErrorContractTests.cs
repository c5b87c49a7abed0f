using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The Production host process of <see cref="ProductionHostFixture"/> with a search limit of 2 per user.</summary>
public sealed class ErrorContractHostFixture : ProductionHostFixture
{
    protected override void Configure(Dictionary<string, string> environment) =>
        environment[ErrorContract.SearchLimitKey.Replace(":", "__", StringComparison.Ordinal)] = "2";
}

public sealed class ProductionErrorContractTests(ErrorContractHostFixture fixture) : IClassFixture<ErrorContractHostFixture>
{
    [Fact]
    public async Task Every_error_a_client_can_meet_in_Production_is_a_problem_with_a_code()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Address };
        var (_, token) = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = fixture.Address });
        using var signedIn = Nodes.Authorized(new HttpClient { BaseAddress = fixture.Address }, token);
        await ErrorContract.EveryErrorIsAProblemWithACodeAsync(anonymous, signedIn);
    }
}
