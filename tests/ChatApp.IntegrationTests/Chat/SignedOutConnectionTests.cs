using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>A live connection ends with its session (the test host checks sessions every 0.5 s).</summary>
public sealed class SignedOutConnectionTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // the check runs every 0.5 s here; a busy machine may be slow to act on it

    [Fact]
    public async Task Signing_out_a_device_from_another_closes_its_live_connection_and_only_that_one()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var tablet = await Api.LoginAsync(bob.Email, deviceName: "tablet");
        await using var phoneHub = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);
        await using var tabletHub = await HubClient.ConnectAsync(Factory, tablet.AccessToken);
        var phoneClosed = Closed(phoneHub);

        using (var revoke = await Api.As(tablet.AccessToken).DeleteAsync($"/api/v1/accounts/sessions/{bob.Tokens.SessionId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        // The check that closed the phone's connection looked at the tablet's session in the same batch.
        await phoneClosed.WaitAsync(Patience);
        Assert.Equal(HubConnectionState.Connected, tabletHub.Connection.State);
        await Chat.SendAsync(ann, room.Id, "still there?");
        Assert.Equal("still there?", (await tabletHub.NextAsync(HubClient.MessageCreated)).GetProperty("text").GetString());
        Assert.Empty(phoneHub.Drain(HubClient.MessageCreated));
    }

    [Fact]
    public async Task Deactivating_the_account_closes_every_live_connection()
    {
        var user = await Api.NewUserAsync();
        var tablet = await Api.LoginAsync(user.Email, deviceName: "tablet");
        await using var phoneHub = await HubClient.ConnectAsync(Factory, user.Tokens.AccessToken);
        await using var tabletHub = await HubClient.ConnectAsync(Factory, tablet.AccessToken);
        var closed = Task.WhenAll(Closed(phoneHub), Closed(tabletHub));

        using (var deactivate = await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = user.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);
        }

        await closed.WaitAsync(Patience);
        await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(Factory, tablet.AccessToken));
    }

    private static Task Closed(HubClient hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
