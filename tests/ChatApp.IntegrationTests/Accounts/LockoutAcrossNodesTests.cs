using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

/// <summary>Behind two instances an unknown e-mail still locks out after five failures, like a real account does.</summary>
public sealed class LockoutAcrossNodesTests
{
    [Fact]
    public async Task Failures_for_a_known_and_an_unknown_email_spread_over_two_nodes_lock_out_alike()
    {
        var database = await Nodes.CreateDatabaseAsync("lockout");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var a = new HttpClient { BaseAddress = nodeA.Address };
            using var b = new HttpClient { BaseAddress = nodeB.Address };
            HttpClient[] nodes = [a, b];
            var known = AccountsApi.UniqueEmail();
            Assert.Equal(HttpStatusCode.Created, (await nodes[0].PostAsJsonAsync("/api/v1/accounts/register",
                new { email = known, password = AccountsApi.Password, displayName = "Known" })).StatusCode);
            var unknown = AccountsApi.UniqueEmail();

            var knownStatuses = new List<HttpStatusCode>();
            var unknownStatuses = new List<HttpStatusCode>();
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var node = nodes[attempt % 2];
                knownStatuses.Add((await node.PostAsJsonAsync("/api/v1/accounts/login", new { email = known, password = "Wrong-Passw0rd" })).StatusCode);
                unknownStatuses.Add((await node.PostAsJsonAsync("/api/v1/accounts/login", new { email = unknown, password = "Wrong-Passw0rd" })).StatusCode);
            }

            var expected = Enumerable.Repeat(HttpStatusCode.Unauthorized, 4).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2));
            Assert.Equal(expected, knownStatuses);
            Assert.Equal(expected, unknownStatuses);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
