using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>
/// From the moment a node begins its graceful stop, a new hub connection is refused before the WebSocket upgrade with
/// 503 <c>chat.server_restarting</c> and <c>Retry-After</c> (nginx passes it to another instance); connections that
/// already exist go on until the node tells them to reconnect.
/// </summary>
public sealed class NewHubConnectionsWhileStoppingTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task While_the_node_stops_a_new_hub_connection_is_refused_with_503_and_a_reconnect_hint_and_existing_ones_go_on()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var existing = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var bobHttp = Api.As(bob);
        using var negotiated = await bobHttp.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        var longPolling = (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        Factory.Services.GetRequiredService<NodeStopping>().Begin();

        // A new connection, opened straight to WebSockets (no id) or negotiated first, is refused before the upgrade.
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/hubs/chat"), (HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1") })
        {
            using var refused = await bobHttp.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("chat.server_restarting", (await Problem.ReadAsync(refused)).Code);
        }

        var webSocket = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken));
        Assert.Contains("503", webSocket.ToString(), StringComparison.Ordinal);

        // What exists goes on: the open connection still sends; the negotiated long-polling connection still polls.
        var sent = await existing.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "still-here", "still connected", null);
        Assert.Equal("still connected", sent.Text);
        using var poll = await bobHttp.GetAsync($"/hubs/chat?id={longPolling}");
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);

        // And the load balancer is told: not ready.
        using var ready = await Api.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
