using System.Net;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Accounts.People;

/// <summary>A host where each user may search people twice an hour (so timing cannot make the test flaky).</summary>
public sealed class PeopleSearchLimitFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.PeopleSearch, "PerUser", "PermitLimit"), "2");
        builder.UseSetting(RateLimitSettings.Key(RateLimitPolicies.PeopleSearch, "PerUser", "Window"), "01:00:00");
    }
}

public sealed class PeopleSearchLimitTests(PeopleSearchLimitFactory factory) : IntegrationTest<PeopleSearchLimitFactory>(factory)
{
    [Fact]
    public async Task Searching_people_faster_than_the_limit_is_refused_per_user()
    {
        var people = new PeopleApi(Api, Factory);
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");

        var first = await people.GetSearchAsync(ann, "김");
        var second = await people.GetSearchAsync(ann, "kim");
        var third = await people.GetSearchAsync(ann, "ㄱ");
        var bobsFirst = await people.GetSearchAsync(bob, "ann");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("rate_limited", (await Problem.ReadAsync(third)).Code);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, bobsFirst.StatusCode);
    }
}
