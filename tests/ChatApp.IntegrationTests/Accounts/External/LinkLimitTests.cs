using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>A host where the sign-in limit allows three attempts per account (per user when signed in).</summary>
public sealed class LinkLimitFactory : ExternalSignInFactory
{
    public const int PerAccount = 3;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.Login, "PerAccount", "PermitLimit"), PerAccount.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.Login, "PerAccount", "Window"), "01:00:00");
    }
}

/// <summary>Linking a provider (which may check a password and asks the provider) is limited per user like signing in.</summary>
public sealed class LinkLimitTests(LinkLimitFactory factory) : IntegrationTest<LinkLimitFactory>(factory)
{
    [Fact]
    public async Task Link_attempts_are_limited_per_user()
    {
        var external = new ExternalApi(Factory, Api);
        var first = await external.SignInAsync("kakao", Factory.Providers.Kakao.IssueToken(Factory.Providers.Kakao.NewUserId()), expected: HttpStatusCode.Created);
        var second = await external.SignInAsync("kakao", Factory.Providers.Kakao.IssueToken(Factory.Providers.Kakao.NewUserId()), expected: HttpStatusCode.Created);
        for (var i = 0; i < LinkLimitFactory.PerAccount; i++)
        {
            var refused = await Api.As(first.AccessToken).PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = "EAAbogus" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var limited = await Api.As(first.AccessToken).PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = Factory.Providers.Facebook.IssueToken("50001") });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(RateLimitingExtensions.RateLimitedCode, (await Problem.ReadAsync(limited)).Code);

        var other = await Api.As(second.AccessToken).PostAsJsonAsync("/api/v1/accounts/me/logins/facebook", new { token = Factory.Providers.Facebook.IssueToken("50001") });
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
    }
}
