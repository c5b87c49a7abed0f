using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatApp.IntegrationTests.Accounts;

/// <summary>A clock running behind: what it stamps is already in the past for everyone else.</summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}

/// <summary>A host whose token issuer's clock is 20 minutes behind, so every access token it issues has already expired.</summary>
public sealed class StaleTokenFactory : ChatAppFactory
{
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(provider => new TokenService(
            provider.GetRequiredService<IOptions<JwtOptions>>(),
            provider.GetRequiredService<SigningKeyProvider>(),
            new OffsetTimeProvider(TimeSpan.FromMinutes(-20)))));
}

public sealed class ExpiredAccessTokenTests(StaleTokenFactory factory) : IntegrationTest<StaleTokenFactory>(factory)
{
    [Fact]
    public async Task An_expired_access_token_is_refused_with_a_401_that_says_so()
    {
        var user = await Api.NewUserAsync();

        var response = await Api.As(user).GetAsync("/api/v1/accounts/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = string.Join(" ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.Contains("invalid_token", challenge, StringComparison.Ordinal);
        Assert.Contains("expired", challenge, StringComparison.Ordinal);
        Assert.Equal(401, (await Problem.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task The_refresh_token_still_works_after_the_access_token_expired()
    {
        var user = await Api.NewUserAsync();

        var response = await Api.PostRefreshAsync(user.Tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
