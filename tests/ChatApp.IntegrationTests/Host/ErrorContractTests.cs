using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Host;

/// <summary>A Development host whose search limit is 2 per user (so a 429 is one call away).</summary>
public sealed class ErrorContractFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting(ErrorContract.SearchLimitKey, "2");
    }
}

public sealed class ErrorContractTests(ErrorContractFactory factory) : IntegrationTest<ErrorContractFactory>(factory)
{
    [Fact]
    public async Task Every_error_a_client_can_meet_in_Development_is_a_problem_with_a_code()
    {
        var user = await Api.NewUserAsync();
        await ErrorContract.EveryErrorIsAProblemWithACodeAsync(Factory.CreateClient(), Api.As(user));
    }
}
