using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Recommendation.Domain;
using ChatApp.Modules.Recommendation.Features.TrainModel;
using ChatApp.Modules.Recommendation.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Recommendation;

/// <summary>The distrust rule and hidden accounts at training and serving on the embedded default (SQLite): before any model and with one.</summary>
public sealed class EmbeddedDistrustTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public async Task The_distrusted_are_not_served_before_or_after_training_on_sqlite()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var trusted = await Api.NewUserAsync("Trusted 신뢰");
        var scammer = await Api.NewUserAsync("Scammer 사기꾼");
        var hidden = await Api.NewUserAsync("Hidden");
        var room = await Chat.OpenDirectAsync(ann, bob.Id);
        await Chat.SendAsync(ann, room.Id, "hi");
        await Chat.SendAsync(bob, room.Id, "안녕");
        using (var rate = await Api.As(ann).PutAsJsonAsync($"/api/v1/recommendations/ratings/{bob.Id}", new { score = 5 }))
        {
            Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        }

        // Published scores as a recomputation would leave them; the scammer's ratings are mostly the lowest, so
        // their received ratings distrust them even where a score alone would not be consulted.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            db.ProfileScores.Add(new ProfileScore { UserId = trusted.Id, Count = 30, Mean = 4.2, ShrunkScore = 4.1, ComputedAt = DateTime.UtcNow });
            db.ProfileScores.Add(new ProfileScore { UserId = scammer.Id, Count = 30, Mean = 3.2, ShrunkScore = 3.3, ComputedAt = DateTime.UtcNow });
            for (var n = 0; n < 30; n++)
            {
                db.Ratings.Add(new Rating { RaterId = Guid.NewGuid(), RateeId = trusted.Id, Score = n % 3 == 0 ? 4 : 5, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
                db.Ratings.Add(new Rating { RaterId = Guid.NewGuid(), RateeId = hidden.Id, Score = 5, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
                db.Ratings.Add(new Rating { RaterId = Guid.NewGuid(), RateeId = scammer.Id, Score = n % 3 == 0 ? 3 : 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var before = await ForMeAsync(ann);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("modelVersion").ValueKind);
        Assert.Contains(trusted.Id, Ids(before));
        Assert.DoesNotContain(scammer.Id, Ids(before));

        long version;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // Hidden pending review: well rated, but never stored as anyone's recommendation.
            Assert.True((await scope.ServiceProvider.GetRequiredService<IAccountSanctions>().HideForReviewAsync(hidden.Id, CancellationToken.None)).IsSuccess);
            version = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TrainModelCommand())).Value.Id;
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            Assert.False(await db.RecommendedUsers.AnyAsync(r => r.ModelVersionId == version && (r.RateeId == scammer.Id || r.RateeId == hidden.Id)));
            Assert.True(await db.RecommendedUsers.AnyAsync(r => r.ModelVersionId == version && r.RateeId == trusted.Id));
            Assert.Contains("\"distrustPrior\"", await db.ModelVersions.Where(v => v.Id == version).Select(v => v.Details).SingleAsync(), StringComparison.Ordinal);
        }

        var after = await ForMeAsync(ann);
        Assert.Equal(version, after.GetProperty("modelVersion").GetInt64());
        Assert.Contains(trusted.Id, Ids(after));
        Assert.DoesNotContain(scammer.Id, Ids(after));
        Assert.DoesNotContain(hidden.Id, Ids(after));
    }

    private async Task<JsonElement> ForMeAsync(TestUser user) =>
        await Api.As(user).GetFromJsonAsync<JsonElement>("/api/v1/recommendations/for-me?limit=50");

    private static List<Guid> Ids(JsonElement answer) =>
        answer.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("userId").GetGuid()).ToList();
}
