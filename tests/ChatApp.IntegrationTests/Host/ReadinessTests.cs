using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Chat;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>
/// Readiness means "can serve" (ADR 15): the database answers and the instance is not draining. Redis carries the room
/// bus, presence and jobs, but an instance without it still stores and serves messages, so Redis trouble degrades
/// readiness (still 200) instead of taking every pod out of the Service at once.
/// </summary>
public sealed class ReadinessTests(OwnRedisFactory factory) : IntegrationTest<OwnRedisFactory>(factory)
{
    [Fact]
    public async Task Readiness_and_liveness_stay_ok_while_redis_is_down_and_readiness_reports_it_degraded()
    {
        var before = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("Healthy", before.Redis.GetProperty("status").GetString());

        await Factory.StopRedisAsync();
        try
        {
            JsonElement redis = default;
            await Eventually.Async(async () =>
            {
                var ready = await ReadyAsync();
                Assert.Equal(HttpStatusCode.OK, ready.Status); // never unready on the way
                redis = ready.Redis;
                return redis.GetProperty("status").GetString() == "Degraded";
            }, TimeSpan.FromSeconds(60), "readiness to report Redis as degraded");

            // It answers without waiting for the client library's own 5 s timeout, so the probe's timeout (3 s) holds.
            Assert.True(redis.GetProperty("durationMs").GetDouble() < 4000, redis.ToString());
            Assert.Equal(HttpStatusCode.OK, (await Api.Anonymous().GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await Factory.StartRedisAsync();
        }

        await Eventually.Async(async () => (await ReadyAsync()).Redis.GetProperty("status").GetString() == "Healthy",
            TimeSpan.FromSeconds(60), "Redis to be healthy again after it came back");
    }

    private async Task<(HttpStatusCode Status, JsonElement Redis)> ReadyAsync()
    {
        var response = await Api.Anonymous().GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("checks").GetProperty("redis"));
    }
}
