using ChatApp.BuildingBlocks.Caching;
using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Recommendation.Scoring;

namespace ChatApp.Modules.Recommendation.Features.ForgetAccount;

/// <summary>
/// An account was deleted: the ratings it gave go and the scores they fed are recomputed (<see cref="ScoreRequests"/>,
/// the same path as a withdrawn rating); the ratings it received, its published and pending score and the
/// recommendations to and of it go. The model's versions keep their counts only.
/// <para>
/// Idempotent and safe against a crash half-way: the recomputations are requested before the ratings are deleted (a
/// second delivery finds the ratings still there and asks again; requests coalesce) and once more after, in case a
/// recomputation already ran in between. A recomputation runs <see cref="RecommendationOptions.ScoreDebounce"/> after
/// it is requested, so it reads the ratings without the deleted ones.
/// </para>
/// </summary>
internal sealed class ForgetAccountHandler(RecommendationDbContext db, ScoreRequests scores, QueryCache cache)
    : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var ratees = await db.Ratings.AsNoTracking().Where(r => r.RaterId == userId).Select(r => r.RateeId).Distinct().ToListAsync(cancellationToken);
        foreach (var ratee in ratees)
        {
            await scores.RatingChangedAsync(ratee, cancellationToken);
        }

        await db.Ratings.Where(r => r.RaterId == userId || r.RateeId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.RecommendedUsers.Where(r => r.RaterId == userId || r.RateeId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PendingScores.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ProfileScores.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await cache.InvalidateAsync([.. ratees.Select(ScoreCache.Tag), ScoreCache.Tag(userId)]);
        foreach (var ratee in ratees)
        {
            await scores.RatingChangedAsync(ratee, cancellationToken);
        }
    }
}
