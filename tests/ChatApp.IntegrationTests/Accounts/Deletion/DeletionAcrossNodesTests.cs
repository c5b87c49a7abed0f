using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Auth;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>Two real nodes on one database and Redis, objects on the S3 server: what a deletion on one does on the other.</summary>
public sealed class DeletionAcrossNodesTests
{
    [Fact]
    public async Task A_deleted_accounts_token_fails_on_the_other_node_at_once_not_after_its_session_cache_expires()
    {
        var database = await Nodes.CreateDatabaseAsync("deletion");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var anonymousA = new HttpClient { BaseAddress = nodeA.Address };
            var (_, token) = await Nodes.RegisterAndLoginAsync(anonymousA);
            using var a = Nodes.Authorized(new HttpClient { BaseAddress = nodeA.Address }, token);
            using var b = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, token);

            // Node B has just checked the session and caches "active" for SessionValidator.CacheDuration.
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/accounts/me")).StatusCode);
            var cached = Stopwatch.StartNew();

            using (var deleted = await a.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(new { password = AccountsApi.Password }) }))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, (await a.GetAsync("/api/v1/accounts/me")).StatusCode);
            await Eventually.Async(
                async () => (await b.GetAsync("/api/v1/accounts/me")).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(30), "node B refuses the token");
            Assert.True(cached.Elapsed < SessionValidator.CacheDuration * 2 / 3, $"node B refused only after {cached.Elapsed}: that is its cache expiring, not the broadcast");
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
