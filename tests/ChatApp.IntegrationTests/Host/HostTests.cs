using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace ChatApp.IntegrationTests.Host;

public sealed class HostTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Liveness_answers_without_checking_dependencies()
    {
        var response = await Api.Anonymous().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_redis()
    {
        var response = await Api.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("db-accounts").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Api.Anonymous().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await Problem.ReadAsync(response)).Status);
    }

    /// <summary>The API contract the mobile app builds against: a change to it must be deliberate (update the snapshot).</summary>
    [Fact]
    public async Task The_OpenAPI_document_matches_the_approved_snapshot()
    {
        var json = await Api.Anonymous().GetStringAsync("/openapi/v1.json");

        var document = JObject.Parse(json);
        document.Remove("servers"); // the test server's address is not part of the contract
        Snapshot.Match(document);
    }

    [Fact]
    public async Task The_API_reference_is_served_in_development()
    {
        var response = await Api.Anonymous().GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
