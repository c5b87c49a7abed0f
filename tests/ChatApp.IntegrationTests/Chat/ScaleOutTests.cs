using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Host;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MySqlConnector;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>Two real host processes on two loopback ports, sharing one MariaDB database and one Redis (the backplane).</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_message_sent_on_node_A_arrives_live_at_a_client_connected_to_node_B()
    {
        var database = "chatapp_t_nodes_" + Guid.NewGuid().ToString("N")[..12];
        await HostProcessTests.ExecuteAsync($"CREATE DATABASE `{database}`");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        Dictionary<string, string> Environment(bool migrate) => new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__MySql"] = new MySqlConnectionStringBuilder(TestServers.MySql) { Database = database }.ConnectionString,
            ["ConnectionStrings__Redis"] = TestServers.Redis,
            ["Database__ApplyMigrationsOnStartup"] = migrate ? "true" : "false",
            ["Hangfire__RedisPrefix"] = prefix,
            ["SignalR__RedisChannelPrefix"] = prefix + "signalr",
            ["Jwt__SigningKey"] = "two-nodes-signing-key-0123456789-abcdefghijklmn",
        };
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Environment(migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Environment(migrate: false));
            using var a = new HttpClient { BaseAddress = nodeA.Address };
            using var b = new HttpClient { BaseAddress = nodeB.Address };
            var ann = await RegisterAndLoginAsync(a);
            var bob = await RegisterAndLoginAsync(b);
            var room = await (await Authorized(a, ann.Token).PutAsync($"/api/v1/chat/direct/{bob.Id}", null)).Content.ReadFromJsonAsync<RoomDto>();

            await using var bobOnB = new HubConnectionBuilder()
                .WithUrl(new Uri(nodeB.Address!, "/hubs/chat"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(bob.Token);
                })
                .Build();
            var arrived = new TaskCompletionSource<MessageDto>(TaskCreationOptions.RunContinuationsAsynchronously);
            bobOnB.On<MessageDto>("MessageCreated", message => arrived.TrySetResult(message));
            await bobOnB.StartAsync();

            var response = await Authorized(a, ann.Token).PostAsJsonAsync($"/api/v1/chat/rooms/{room!.Id}/messages",
                new { clientMessageId = "across-nodes", text = "hello from node A" });
            var sent = (await response.Content.ReadFromJsonAsync<MessageDto>())!;

            var received = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(sent, received);
        }
        finally
        {
            await HostProcessTests.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    private static HttpClient Authorized(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(Guid Id, string Token)> RegisterAndLoginAsync(HttpClient node)
    {
        var email = AccountsApi.UniqueEmail();
        var registered = await node.PostAsJsonAsync("/api/v1/accounts/register", new { email, password = AccountsApi.Password, displayName = "Node user" });
        var id = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("userId").GetGuid();
        var login = await node.PostAsJsonAsync("/api/v1/accounts/login", new { email, password = AccountsApi.Password });
        var tokens = (await login.Content.ReadFromJsonAsync<Tokens>())!;
        return (id, tokens.AccessToken);
    }
}
