using System.Net;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Chat.Groups;

/// <summary>A host whose invite lookups are limited to a few per address in an hour (so timing cannot let one through).</summary>
public sealed class InviteLookupLimitFactory : ChatAppFactory
{
    public const int PerAddress = 3;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.InviteLookup, "PerAddress", "PermitLimit"), PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.InviteLookup, "PerAddress", "Window"), "01:00:00");
    }
}

public sealed class InviteLookupLimitTests(InviteLookupLimitFactory factory) : IntegrationTest<InviteLookupLimitFactory>(factory)
{
    [Fact]
    public async Task Probing_invite_codes_meets_the_invite_lookup_limit()
    {
        var client = Api.Anonymous();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < InviteLookupLimitFactory.PerAddress; i++)
        {
            answers.Add(await client.GetAsync($"/api/v1/chat/invites/guess{i}AAAAAAAAAAAAAAAA"));
        }

        using var limited = await client.GetAsync("/api/v1/chat/invites/guessXAAAAAAAAAAAAAAAA/qr.svg");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", (await Problem.ReadAsync(limited)).Code);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
