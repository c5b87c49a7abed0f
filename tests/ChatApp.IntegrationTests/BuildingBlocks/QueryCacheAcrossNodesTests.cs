using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Host;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.BuildingBlocks;

/// <summary>
/// The query cache on two real host processes sharing MariaDB and Redis: both nodes have read (and cached) a value,
/// it changes through node A, and the very next read on node B answers the change. No waiting in between: the change's
/// response comes only after every node's entries for it are dead (docs/adr/0019-query-cache.md).
/// </summary>
public sealed class QueryCacheAcrossNodesTests
{
    [Fact]
    public async Task A_change_through_node_A_is_seen_by_the_next_read_on_node_B_for_profiles_rooms_membership_and_scores()
    {
        var database = await Nodes.CreateDatabaseAsync("cache");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        Dictionary<string, string> Environment(bool migrate)
        {
            var environment = Nodes.Environment(database, prefix, migrate);
            environment["QueryCache__RedisPrefix"] = prefix + "cache:";
            environment["Recommendation__MinimumRatings"] = "2";
            environment["Recommendation__ScoreDebounce"] = "00:00:01";
            environment["Hangfire__SchedulePollingInterval"] = "00:00:01";
            return environment;
        }

        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Environment(migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Environment(migrate: false));
            var ann = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = nodeA.Address });
            var bob = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = nodeA.Address });
            var carol = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = nodeA.Address });
            using var annA = Client(nodeA, ann.Token);
            using var annB = Client(nodeB, ann.Token);
            using var bobA = Client(nodeA, bob.Token);
            using var bobB = Client(nodeB, bob.Token);
            using var carolA = Client(nodeA, carol.Token);
            using var carolB = Client(nodeB, carol.Token);

            var created = await annA.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Cached", memberIds = new[] { bob.Id, carol.Id } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var room = (await created.Content.ReadFromJsonAsync<RoomDto>())!;
            foreach (var (client, text) in new[] { (annA, "ann"), (bobA, "bob"), (carolA, "carol") })
            {
                Assert.Equal(HttpStatusCode.Created, (await SendAsync(client, room.Id, text)).StatusCode);
            }

            // Both nodes read (and cache) the room with its members' names, carol's history and bob's score.
            Assert.Equal(HttpStatusCode.OK, (await annA.PutAsJsonAsync($"/api/v1/recommendations/ratings/{bob.Id}", new { score = 4 })).StatusCode);
            foreach (var (annOn, carolOn) in new[] { (annA, carolA), (annB, carolB), (annA, carolA), (annB, carolB) })
            {
                Assert.Equal(["Node user", "Node user", "Node user"], (await RoomAsync(annOn, room.Id)).Members!.Select(m => m.DisplayName));
                Assert.Equal(HttpStatusCode.OK, (await carolOn.GetAsync($"/api/v1/chat/rooms/{room.Id}/messages")).StatusCode);
                Assert.Equal("not_enough_ratings", (await ScoreAsync(annOn, bob.Id)).GetProperty("status").GetString());
            }

            // The cache is what answers: a change made behind the application's back is not seen on node B...
            await HostProcessTests.ExecuteAsync($"UPDATE `{database}`.`accounts_users` SET `DisplayName` = 'Behind the cache' WHERE `Id` = '{bob.Id}'");
            Assert.DoesNotContain("Behind the cache", (await RoomAsync(annB, room.Id)).Members!.Select(m => m.DisplayName));

            // ...but one made through node A is, at once. A profile: bob renames himself.
            Assert.Equal(HttpStatusCode.OK, (await bobA.PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "Bob renamed" })).StatusCode);
            Assert.Equal("Bob renamed", (await RoomAsync(annB, room.Id)).Members!.Single(m => m.UserId == bob.Id).DisplayName);

            // A rating: the count that node B answers moves.
            Assert.Equal(HttpStatusCode.OK, (await carolA.PutAsJsonAsync($"/api/v1/recommendations/ratings/{bob.Id}", new { score = 5 })).StatusCode);
            var afterRating = await ScoreAsync(annB, bob.Id);
            Assert.NotEqual("not_enough_ratings", afterRating.GetProperty("status").GetString());
            Assert.Equal(2, afterRating.GetProperty("count").GetInt32());

            // Publication: once node A answers the published score, node B's next read does too.
            await Eventually.Async(
                async () => (await ScoreAsync(annA, bob.Id)).GetProperty("status").GetString() == "published", TimeSpan.FromSeconds(60), "the score is published");
            var published = await ScoreAsync(annB, bob.Id);
            Assert.Equal("published", published.GetProperty("status").GetString());
            Assert.Equal(4.5, published.GetProperty("mean").GetDouble(), 3);

            // Membership: ann removes carol through node A; node B refuses carol's next read and send, and lists two members.
            Assert.Equal(HttpStatusCode.NoContent, (await annA.DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{carol.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await carolB.GetAsync($"/api/v1/chat/rooms/{room.Id}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(carolB, room.Id, "still here?")).StatusCode);
            var summary = await RoomAsync(bobB, room.Id);
            Assert.Equal(2, summary.MemberCount);
            Assert.DoesNotContain(carol.Id, summary.Members!.Select(m => m.UserId));
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    private static HttpClient Client(HostProcess node, string token) => Nodes.Authorized(new HttpClient { BaseAddress = node.Address }, token);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid roomId, string text) =>
        client.PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/messages", new { clientMessageId = Guid.NewGuid().ToString("N"), text });

    private static async Task<RoomDto> RoomAsync(HttpClient client, Guid roomId) =>
        (await client.GetFromJsonAsync<RoomDto>($"/api/v1/chat/rooms/{roomId}"))!;

    private static async Task<JsonElement> ScoreAsync(HttpClient client, Guid userId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/profiles/{userId}/score");
}
