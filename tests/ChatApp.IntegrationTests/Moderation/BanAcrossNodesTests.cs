using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Auth;

namespace ChatApp.IntegrationTests.Moderation;

/// <summary>Two real nodes on one database and Redis: a ban on one ends the person's access token on the other at once.</summary>
public sealed class BanAcrossNodesTests
{
    private const string AdminEmail = "moderator@chatapp.test";
    private const string AdminPassword = "Moderat0r-Passphrase";

    [Fact]
    public async Task A_banned_persons_token_fails_on_the_other_node_at_once()
    {
        var database = await Nodes.CreateDatabaseAsync("ban");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            var environment = Nodes.Environment(database, prefix, migrate: true);
            environment["Admin__Email"] = AdminEmail;
            environment["Admin__Password"] = AdminPassword;
            await using var nodeA = await HostProcess.StartServerAsync(environment);
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var anonymousA = new HttpClient { BaseAddress = nodeA.Address };
            var (_, reporterToken) = await Nodes.RegisterAndLoginAsync(anonymousA);
            var (targetId, targetToken) = await Nodes.RegisterAndLoginAsync(anonymousA);
            using var reporter = Nodes.Authorized(new HttpClient { BaseAddress = nodeA.Address }, reporterToken);
            using var targetOnB = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, targetToken);
            using var reported = await reporter.PostAsJsonAsync("/api/v1/reports", new { targetType = "user", targetId, reason = "harassment" });
            Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
            var reportId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            // Node B has just checked the session and caches "active" for SessionValidator.CacheDuration.
            Assert.Equal(HttpStatusCode.OK, (await targetOnB.GetAsync("/api/v1/accounts/me")).StatusCode);
            var cached = Stopwatch.StartNew();
            using var admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = nodeA.Address };
            await ModerationApi.SignInAdminAsync(admin, AdminEmail, AdminPassword);
            Assert.EndsWith("?done=ban", await ModerationApi.ActAsync(admin, reportId, "ban", "Threats"), StringComparison.Ordinal);

            await Eventually.Async(
                async () => (await targetOnB.GetAsync("/api/v1/accounts/me")).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(30), "node B refuses the token");
            Assert.True(cached.Elapsed < SessionValidator.CacheDuration * 2 / 3, $"node B refused only after {cached.Elapsed}: that is its cache expiring, not the broadcast");
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
