using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>A host where a user may send 3 messages, then one per hour (so timing cannot make the test flaky).</summary>
public sealed class TightRateLimitFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Chat:SendRateLimit:Burst", "3");
        builder.UseSetting("Chat:SendRateLimit:Period", "01:00:00");
    }
}

public sealed class RateLimitTests(TightRateLimitFactory factory) : IntegrationTest<TightRateLimitFactory>(factory)
{
    [Fact]
    public async Task Sending_faster_than_the_limit_is_refused_on_rest_and_hub_and_retries_do_not_count()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var room = await Chat.OpenDirectAsync(ann, bob.Id);
        await using var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);

        var first = await Chat.SendAsync(ann, room.Id, "1", "c1");
        await Chat.SendAsync(ann, room.Id, "2", "c2");
        await Chat.SendAsync(ann, room.Id, "3", "c3");
        var retry = await Chat.PostMessageAsync(ann, room.Id, "1", "c1");
        var rest = await Chat.PostMessageAsync(ann, room.Id, "4", "c4");
        var hub = await Assert.ThrowsAsync<HubException>(() =>
            phone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "c5", "5", (Guid?)null));
        var bobStillSends = await Chat.PostMessageAsync(bob, room.Id, "bob is not limited by ann");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rest.StatusCode);
        Assert.Equal("chat.rate_limited", (await Problem.ReadAsync(rest)).Code);
        Assert.Equal(TimeSpan.FromSeconds(1), rest.Headers.RetryAfter?.Delta);
        Assert.Contains("chat.rate_limited", hub.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, bobStillSends.StatusCode);
        Assert.Equal(4, (await Chat.HistoryAsync(ann, room.Id)).Messages.Count);
        Assert.Equal(first.Seq, (await Chat.HistoryAsync(ann, room.Id)).Messages[0].Seq);
    }
}
