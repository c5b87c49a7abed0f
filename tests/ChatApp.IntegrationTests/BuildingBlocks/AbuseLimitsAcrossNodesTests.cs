using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.BuildingBlocks;

/// <summary>Two real host processes on one Redis share the abuse limits' counters.</summary>
public sealed class AbuseLimitsAcrossNodesTests
{
    private const int RegistrationsPerAddress = 3;

    [Fact]
    public async Task Registrations_on_node_A_count_on_node_B()
    {
        var database = await Nodes.CreateDatabaseAsync("limits");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        Dictionary<string, string> Environment(bool migrate)
        {
            var environment = Nodes.Environment(database, prefix, migrate);
            environment[Variable(RateLimitPolicies.Register, "PerAddress", "PermitLimit")] = RegistrationsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment[Variable(RateLimitPolicies.Register, "PerAddress", "Window")] = "01:00:00";
            return environment;
        }

        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Environment(migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Environment(migrate: false));
            using var a = new HttpClient { BaseAddress = nodeA.Address };
            using var b = new HttpClient { BaseAddress = nodeB.Address };

            var onA = new List<HttpStatusCode>();
            for (var i = 0; i < RegistrationsPerAddress; i++)
            {
                onA.Add((await RegisterAsync(a)).StatusCode);
            }

            var onB = await RegisterAsync(b);
            var againOnA = await RegisterAsync(a);

            Assert.All(onA, status => Assert.Equal(HttpStatusCode.Created, status));
            Assert.Equal(HttpStatusCode.TooManyRequests, onB.StatusCode);
            Assert.Equal(RateLimitingExtensions.RateLimitedCode, (await Problem.ReadAsync(onB)).Code);
            Assert.NotNull(onB.Headers.RetryAfter?.Delta);
            Assert.Equal(HttpStatusCode.TooManyRequests, againOnA.StatusCode);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    private static string Variable(string policy, string dimension, string setting) =>
        RateLimitSettings.Key(policy, dimension, setting).Replace(":", "__", StringComparison.Ordinal);

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient node) =>
        node.PostAsJsonAsync("/api/v1/accounts/register", new { email = AccountsApi.UniqueEmail(), password = AccountsApi.Password, displayName = "Node user" });
}
