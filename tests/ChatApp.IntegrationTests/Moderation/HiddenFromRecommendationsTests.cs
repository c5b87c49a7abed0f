using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Recommendation.Domain;
using ChatApp.Modules.Recommendation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Moderation;

public sealed class HiddenFromRecommendationsTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Banned_and_hidden_for_review_people_are_not_recommended_until_lifted()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var good = await Api.NewUserAsync("이서연");
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            db.ProfileScores.Add(new ProfileScore { UserId = good.Id, Count = 30, Mean = 4, ShrunkScore = 3.9, ComputedAt = DateTime.UtcNow });
            db.ProfileScores.Add(new ProfileScore { UserId = bob.Id, Count = 40, Mean = 4.6, ShrunkScore = 4.4, ComputedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal([bob.Id, good.Id], await ForMeAsync(ann));
        var moderation = new ModerationApi(Factory, Api);
        var report = await moderation.ReportAsync(ann, "user", bob.Id, "spam");
        var admin = await moderation.AdminBrowserAsync();
        await ModerationApi.ActAsync(admin, report.Id, "ban", "Spam bot");
        Assert.Equal([good.Id], await ForMeAsync(ann));

        await ModerationApi.ActAsync(admin, report.Id, "lift", "Mistake");
        Assert.Equal([bob.Id, good.Id], await ForMeAsync(ann));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IAccountSanctions>().HideForReviewAsync(good.Id, CancellationToken.None)).IsSuccess);
        }

        Assert.Equal([bob.Id], await ForMeAsync(ann));
    }

    private async Task<Guid[]> ForMeAsync(TestUser me)
    {
        var answer = await Api.As(me).GetFromJsonAsync<JsonElement>("/api/v1/recommendations/for-me");
        return answer.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("userId").GetGuid()).ToArray();
    }
}
