using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>
/// Kubernetes applies a release's migration Job and its Deployment together (ADR 15): a new instance that starts before
/// the Job has migrated is live but not ready, so the rollout waits and the old instances keep serving.
/// </summary>
public sealed class SchemaReadinessTests
{
    [Fact]
    public async Task A_production_instance_is_not_ready_until_the_migrate_verb_has_brought_the_schema_up_to_date()
    {
        var database = await Nodes.CreateDatabaseAsync("schema");
        try
        {
            var environment = Nodes.Environment(database, $"chatapp-test:{Guid.NewGuid():N}:", migrate: false);
            await using var node = await HostProcess.StartServerAsync(environment, untilPath: "/health/live");
            using var http = new HttpClient { BaseAddress = node.Address };

            var before = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            var checks = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
            Assert.Equal("Unhealthy", checks.GetProperty("schema-accounts").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("db-accounts").GetProperty("status").GetString());

            // Meanwhile its background work waits too: the outbox dispatchers (polling every 2 s) would otherwise query
            // tables the migrations have yet to create, and log an error each time.
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.DoesNotContain("Outbox dispatcher of module", node.Output, StringComparison.Ordinal);

            var (exitCode, output) = await HostProcess.RunToExitAsync(["migrate"], new(environment));
            Assert.True(exitCode == 0, output);

            await Eventually.Async(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(60), "readiness once every module's migrations are applied");
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
