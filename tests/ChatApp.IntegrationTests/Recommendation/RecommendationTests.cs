using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Recommendation.Domain;
using ChatApp.Modules.Recommendation.Features.RecomputeScore;
using ChatApp.Modules.Recommendation.Features.TrainModel;
using ChatApp.Modules.Recommendation.Persistence;
using Hangfire;
using Hangfire.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Recommendation;

public sealed class RecommendationTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Routes = "/api/v1/recommendations";

    [Fact]
    public async Task Rating_rules_self_stranger_blocked_range_update_and_withdraw()
    {
        var (ann, bob, _) = await TalkingPairAsync();
        var stranger = await Api.NewUserAsync();
        var (carol, dave, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(carol, room.Id, "only carol wrote");

        Assert.Equal("userId", Assert.Single((await ProblemOf(await RateAsync(ann, ann.Id, 4))).Errors.Keys));
        Assert.Equal("recommendation.not_acquainted", (await ProblemOf(await RateAsync(ann, stranger.Id, 4), HttpStatusCode.Forbidden)).Code);
        Assert.Equal("recommendation.not_acquainted", (await ProblemOf(await RateAsync(carol, dave.Id, 4), HttpStatusCode.Forbidden)).Code);
        Assert.Equal("recommendation.user_not_found", (await ProblemOf(await RateAsync(ann, Guid.NewGuid(), 4), HttpStatusCode.NotFound)).Code);
        foreach (var bad in new int?[] { 0, 6, null })
        {
            Assert.Contains("score", (await ProblemOf(await RateAsync(ann, bob.Id, bad))).Errors.Keys);
        }

        using (var first = await RateAsync(ann, bob.Id, 2))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var update = await RateAsync(ann, bob.Id, 5))
        {
            Assert.Equal(5, (await update.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("score").GetInt32());
        }

        Assert.Equal([5], await ScoresOfAsync(bob.Id));
        using (var withdraw = await Api.As(ann).DeleteAsync($"{Routes}/ratings/{bob.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        }

        using (var again = await Api.As(ann).DeleteAsync($"{Routes}/ratings/{bob.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        Assert.Empty(await ScoresOfAsync(bob.Id));

        // A block, either way, stops rating.
        using (var block = await Api.As(bob).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, block.StatusCode);
        }

        Assert.Equal("recommendation.blocked", (await ProblemOf(await RateAsync(ann, bob.Id, 4), HttpStatusCode.Forbidden)).Code);
        Assert.Equal("recommendation.blocked", (await ProblemOf(await RateAsync(bob, ann.Id, 4), HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task Twenty_nine_ratings_publish_nothing_and_the_thirtieth_runs_exactly_one_job_that_publishes_the_score()
    {
        var star = await Api.NewUserAsync("Star");
        var raters = await TalkersAsync(star, 30);
        for (var n = 0; n < 29; n++)
        {
            using var response = await RateAsync(raters[n], star.Id, 4 + (n % 2));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var before = await ScoreAsync(star.Id);
        Assert.Equal("not_enough_ratings", before.GetProperty("status").GetString());
        Assert.Equal(29, before.GetProperty("count").GetInt32());
        Assert.Equal(0, RecomputeJobs(star.Id));

        using (var thirtieth = await RateAsync(raters[29], star.Id, 5))
        {
            Assert.Equal(HttpStatusCode.OK, thirtieth.StatusCode);
        }

        Assert.Equal(1, RecomputeJobs(star.Id));
        var published = await PublishedScoreAsync(star.Id);
        // 15 fours and 15 fives (n even: 4; odd: 5; plus the thirtieth 5): mean 4.5.
        Assert.Equal(30, published.GetProperty("count").GetInt32());
        Assert.Equal(4.5, published.GetProperty("mean").GetDouble(), 6);
        Assert.Equal(Math.Sqrt(30 * 0.25 / 29), published.GetProperty("standardDeviation").GetDouble(), 6);
        var interval = published.GetProperty("confidenceInterval");
        Assert.True(interval.GetProperty("low").GetDouble() < 4.5 && interval.GetProperty("high").GetDouble() > 4.5);
        Assert.Equal(4.5, published.GetProperty("shrunkScore").GetDouble(), 6); // the only profile rated: global mean 4.5
        Assert.Equal(1, RecomputeJobs(star.Id));
        Assert.Equal(1, SucceededRecomputeJobs(star.Id));
    }

    [Fact]
    public async Task Thirty_concurrent_ratings_cause_one_recomputation()
    {
        var star = await Api.NewUserAsync("Star");
        var raters = await TalkersAsync(star, 30);

        var responses = await Task.WhenAll(raters.Select((rater, n) => RateAsync(rater, star.Id, 1 + (n % 5))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var published = await PublishedScoreAsync(star.Id);
        Assert.Equal(30, published.GetProperty("count").GetInt32());
        Assert.Equal(3, published.GetProperty("mean").GetDouble(), 6);
        Assert.Equal(1, RecomputeJobs(star.Id));

        // Withdrawing one (29 left) unpublishes the score, through one more job.
        using (var withdraw = await Api.As(raters[0]).DeleteAsync($"{Routes}/ratings/{star.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        }

        await Eventually.Async(async () => (await ScoreAsync(star.Id)).GetProperty("status").GetString() == "not_enough_ratings");
        Assert.Equal(2, RecomputeJobs(star.Id));
    }

    [Fact]
    public async Task Recommendations_come_from_the_newest_complete_model_and_exclude_what_they_must()
    {
        // Two taste groups of four; each rater rated two of the three others of the group well (5) and the people
        // of the other group poorly (3: everyone's mean received rating stays above the neutral 3, so nobody is
        // distrusted). The model should suggest the remaining member of one's own group.
        var people = new List<TestUser>();
        for (var n = 0; n < 8; n++)
        {
            people.Add(await Api.NewUserAsync($"P{n}"));
        }

        for (var a = 0; a < 8; a++)
        {
            for (var b = 0; b < 8; b++)
            {
                var sameGroup = a / 4 == b / 4;
                if (a == b || (sameGroup && (b % 4) == ((a + 3) % 4)))
                {
                    continue; // leave one group member unrated: that is what we expect to be recommended
                }

                await TalkAsync(people[a], people[b]);
                using var response = await RateAsync(people[a], people[b].Id, sameGroup ? 5 : 3);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // No model yet: cold start falls back to published scores (none here): an empty but valid answer.
        var cold = await ForMeAsync(people[0]);
        Assert.Equal(JsonValueKind.Null, cold.GetProperty("modelVersion").ValueKind);

        var version = await TrainAsync();
        var first = await ForMeAsync(people[0]);
        Assert.Equal(version, first.GetProperty("modelVersion").GetInt64());
        var ids = Ids(first);
        Assert.Equal(people[3].Id, ids[0]); // (0 + 3) % 4 = 3: the group member P0 has not rated
        Assert.DoesNotContain(people[0].Id, ids);
        Assert.All(first.GetProperty("people").EnumerateArray(), p => Assert.Equal("model", p.GetProperty("source").GetString()));

        // Stable for a fixed version.
        Assert.Equal(ids, Ids(await ForMeAsync(people[0])));

        // Distrusted by the ratings received since the model was trained (the model's rule, with the prior stored
        // with the version): excluded at once, and back once the ratings are.
        var suggested = people[3]; // rated 5 by P1 and P2 (the group members who did not leave P3 out), 3 by the other group
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            Assert.Equal(6, await db.Ratings.Where(r => r.RateeId == suggested.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Score, 1)));
            Assert.DoesNotContain(suggested.Id, Ids(await ForMeAsync(people[0])));
            await db.Ratings.Where(r => r.RateeId == suggested.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Score, r => r.RaterId == people[1].Id || r.RaterId == people[2].Id ? 5 : 3));
            Assert.Equal(ids, Ids(await ForMeAsync(people[0])));
        }

        // Rated since the model was trained, or blocked either way: excluded at once.
        await TalkAsync(people[0], people[3]);
        using (var rate = await RateAsync(people[0], people[3].Id, 4))
        {
            Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        }

        Assert.DoesNotContain(people[3].Id, Ids(await ForMeAsync(people[0])));
        var blockedBy = people[7];
        using (var block = await Api.As(blockedBy).PutAsync($"/api/v1/chat/blocks/{people[0].Id}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, block.StatusCode);
        }

        Assert.DoesNotContain(blockedBy.Id, Ids(await ForMeAsync(people[0])));

        // A failed (or running) newer version is never served.
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            db.ModelVersions.Add(new ModelVersion { Status = ModelStatus.Failed, StartedAt = DateTime.UtcNow, Error = "simulated" });
            db.ModelVersions.Add(new ModelVersion { Status = ModelStatus.Training, StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal(version, (await ForMeAsync(people[0])).GetProperty("modelVersion").GetInt64());

        using var badLimit = await Api.As(people[0]).GetAsync($"{Routes}/for-me?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task Cold_start_recommends_the_best_shrunk_scores_never_one_below_neutral_and_the_training_job_is_recurring()
    {
        var me = await Api.NewUserAsync();
        var good = await Api.NewUserAsync("Good");
        var better = await Api.NewUserAsync("Better");
        var distrusted = await Api.NewUserAsync("Distrusted");
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            db.ProfileScores.Add(new ProfileScore { UserId = good.Id, Count = 30, Mean = 4, ShrunkScore = 3.9, ComputedAt = DateTime.UtcNow });
            db.ProfileScores.Add(new ProfileScore { UserId = better.Id, Count = 40, Mean = 4.6, ShrunkScore = 4.4, ComputedAt = DateTime.UtcNow });
            db.ProfileScores.Add(new ProfileScore { UserId = me.Id, Count = 40, Mean = 5, ShrunkScore = 4.9, ComputedAt = DateTime.UtcNow });
            db.ProfileScores.Add(new ProfileScore { UserId = distrusted.Id, Count = 300, Mean = 2.9, ShrunkScore = 2.92, ComputedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var answer = await ForMeAsync(me); // a published score below the neutral 3: never recommended

        Assert.Equal([better.Id, good.Id], Ids(answer));
        Assert.All(answer.GetProperty("people").EnumerateArray(), p => Assert.Equal("top_rated", p.GetProperty("source").GetString()));
        Assert.Equal("Better", answer.GetProperty("people")[0].GetProperty("displayName").GetString());
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == TrainModelJob.RecurringJobId);
    }

    [Fact]
    public async Task Deactivated_accounts_are_not_recommended_rated_or_scored_until_they_sign_in_again()
    {
        var (ann, bob, _) = await TalkingPairAsync();
        var good = await Api.NewUserAsync("Good");
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            db.ProfileScores.Add(new ProfileScore { UserId = good.Id, Count = 30, Mean = 4, ShrunkScore = 3.9, ComputedAt = DateTime.UtcNow });
            db.ProfileScores.Add(new ProfileScore { UserId = bob.Id, Count = 40, Mean = 4.6, ShrunkScore = 4.4, ComputedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal([bob.Id, good.Id], Ids(await ForMeAsync(ann)));
        using (var deactivate = await Api.As(bob).PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = bob.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);
        }

        Assert.Equal([good.Id], Ids(await ForMeAsync(ann)));
        Assert.Equal("recommendation.user_not_found", (await ProblemOf(await RateAsync(ann, bob.Id, 5), HttpStatusCode.NotFound)).Code);
        var viewer = await Api.NewUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Api.As(viewer).GetAsync($"{Routes}/profiles/{bob.Id}/score")).StatusCode);
        Assert.Empty(await ScoresOfAsync(bob.Id));

        await Api.LoginAsync(bob.Email, bob.Password);
        Assert.Equal([bob.Id, good.Id], Ids(await ForMeAsync(ann)));
        using (var rate = await RateAsync(ann, bob.Id, 5))
        {
            Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        }

        Assert.Equal("published", (await ScoreAsync(bob.Id)).GetProperty("status").GetString());
    }

    private async Task<(TestUser, TestUser, Guid)> TalkingPairAsync()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(ann, room.Id, "hi");
        await Chat.SendAsync(bob, room.Id, "hello");
        return (ann, bob, room.Id);
    }

    private async Task TalkAsync(TestUser a, TestUser b)
    {
        var room = await Chat.OpenDirectAsync(a, b.Id);
        await Chat.SendAsync(a, room.Id, "hi");
        await Chat.SendAsync(b, room.Id, "hello");
    }

    private async Task<List<TestUser>> TalkersAsync(TestUser star, int count)
    {
        var raters = new List<TestUser>();
        for (var n = 0; n < count; n++)
        {
            var rater = await Api.NewUserAsync($"Rater {n}");
            await TalkAsync(rater, star);
            raters.Add(rater);
        }

        return raters;
    }

    private Task<HttpResponseMessage> RateAsync(TestUser rater, Guid rateeId, int? score) =>
        Api.As(rater).PutAsJsonAsync($"{Routes}/ratings/{rateeId}", new { score });

    private static async Task<Problem> ProblemOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            return await Problem.ReadAsync(response);
        }
    }

    private async Task<JsonElement> ScoreAsync(Guid userId)
    {
        var viewer = await Api.NewUserAsync();
        return await Api.As(viewer).GetFromJsonAsync<JsonElement>($"{Routes}/profiles/{userId}/score");
    }

    private async Task<JsonElement> PublishedScoreAsync(Guid userId)
    {
        JsonElement score = default;
        await Eventually.Async(async () => (score = await ScoreAsync(userId)).GetProperty("status").GetString() == "published", because: "the score job");
        return score;
    }

    private async Task<List<int>> ScoresOfAsync(Guid rateeId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationDbContext>().Ratings
            .Where(r => r.RateeId == rateeId).Select(r => r.Score).ToListAsync();
    }

    private async Task<JsonElement> ForMeAsync(TestUser user) =>
        await Api.As(user).GetFromJsonAsync<JsonElement>($"{Routes}/for-me?limit=10");

    private static List<Guid> Ids(JsonElement answer) =>
        answer.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("userId").GetGuid()).ToList();

    private async Task<long> TrainAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TrainModelCommand())).Value.Id;
    }

    /// <summary>Recompute jobs for the profile in Hangfire's real storage, in any state.</summary>
    private int RecomputeJobs(Guid userId) => Jobs(userId).Count;

    private int SucceededRecomputeJobs(Guid userId) => Jobs(userId).Count(j => j.State == "Succeeded");

    private List<(string Id, string State)> Jobs(Guid userId) => HangfireJobs.Of<RecomputeScoreJob>(Factory.Services, userId);
}
