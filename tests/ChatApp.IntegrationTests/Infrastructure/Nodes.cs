using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Host;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MySqlConnector;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// Several real host processes (<see cref="HostProcess"/>) sharing one MariaDB database and one Redis, as deployed behind
/// a load balancer: <see cref="Environment"/> is one node's configuration, the rest is what a phone does against a node.
/// </summary>
public static class Nodes
{
    /// <summary>A fresh database for a deployment (drop it with <see cref="DropDatabaseAsync"/>).</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var database = $"chatapp_t_{name}_{Guid.NewGuid().ToString("N")[..12]}";
        await HostProcessTests.ExecuteAsync($"CREATE DATABASE `{database}`");
        return database;
    }

    public static Task DropDatabaseAsync(string database) => HostProcessTests.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");

    /// <summary>One node of a deployment: shared database and Redis, per-test key prefixes, high send and abuse limits.</summary>
    public static Dictionary<string, string> Environment(string database, string prefix, bool migrate) => RateLimitSettings.AddTo(TestSmtpServer.AddTo(new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__MySql"] = new MySqlConnectionStringBuilder(TestServers.MySql) { Database = database }.ConnectionString,
        ["ConnectionStrings__Redis"] = TestServers.Redis,
        ["Database__ApplyMigrationsOnStartup"] = migrate ? "true" : "false",
        ["Hangfire__RedisPrefix"] = prefix,
        ["SignalR__RedisChannelPrefix"] = prefix + "signalr",
        ["Chat__PresenceRedisPrefix"] = prefix + "presence:",
        ["Jwt__SigningKey"] = "two-nodes-signing-key-0123456789-abcdefghijklmn",
        ["Chat__InviteLinkBaseUrl"] = "https://invite.test/i/", // Production refuses a localhost link base
        // Production refuses to start without object storage (ADR 16): the test S3 server, one bucket for all nodes.
        ["Media__Storage"] = "S3",
        ["Media__S3__ServiceUrl"] = TestServers.S3,
        ["Media__S3__ForcePathStyle"] = "true",
        ["Media__S3__Bucket"] = "chatapp-nodes",
        ["Media__S3__AccessKey"] = "S3RVER",
        ["Media__S3__SecretKey"] = "S3RVER",
        ["Media__S3__CreateBucket"] = "true",
        ["Chat__SendRateLimit__Burst"] = "1000",
        // Test processes share two cores: a busy moment is not an overloaded production node.
        ["Chat__OverloadLag"] = "00:00:10",
    }), prefix + "rl:");

    public static HttpClient Authorized(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<(Guid Id, string Token)> RegisterAndLoginAsync(HttpClient node)
    {
        var email = AccountsApi.UniqueEmail();
        var registered = await node.PostAsJsonAsync("/api/v1/accounts/register", new { email, password = AccountsApi.Password, displayName = "Node user" });
        var id = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("userId").GetGuid();
        var login = await node.PostAsJsonAsync("/api/v1/accounts/login", new { email, password = AccountsApi.Password });
        var tokens = (await login.Content.ReadFromJsonAsync<Tokens>())!;
        return (id, tokens.AccessToken);
    }

    /// <summary>
    /// A hub connection as the app opens it: WebSockets, negotiation skipped, the JSON protocol; with
    /// <paramref name="reconnectAfter"/>, automatic reconnection (one attempt after that delay).
    /// </summary>
    public static HubConnection Hub(Uri node, string token, TimeSpan? reconnectAfter = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/chat"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        return (reconnectAfter is { } delay ? builder.WithAutomaticReconnect([delay]) : builder).Build();
    }

    /// <summary>All of a room's messages by client message id, read page by page.</summary>
    public static async Task<Dictionary<string, Guid>> MessagesAsync(HttpClient client, Guid room)
    {
        var all = new Dictionary<string, Guid>();
        long after = 0;
        while (true)
        {
            var page = (await client.GetFromJsonAsync<MessagePageDto>($"/api/v1/chat/rooms/{room}/messages?after={after}&limit=100"))!;
            foreach (var message in page.Messages)
            {
                all[message.ClientMessageId] = message.Id;
                after = Math.Max(after, message.Seq);
            }

            if (!page.HasMore || page.Messages.Count == 0)
            {
                return all;
            }
        }
    }
}
