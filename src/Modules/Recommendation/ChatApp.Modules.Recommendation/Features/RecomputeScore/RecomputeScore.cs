using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Recommendation.Scoring;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.RecomputeScore;

internal sealed record RecomputeScoreCommand(Guid UserId) : ICommand<ProfileScore?>;

/// <summary>
/// Recomputes a profile's score from all its ratings: published from the minimum count on, removed below it. Takes the
/// profile's pending request first (so ratings that arrive meanwhile queue a new run). Every node reads the score
/// afresh after the commit.
/// </summary>
internal sealed class RecomputeScoreHandler(
    RecommendationDbContext db, ScoreCache scoreCache, AfterCommit afterCommit, IOptions<RecommendationOptions> options, TimeProvider timeProvider)
    : ICommandHandler<RecomputeScoreCommand, ProfileScore?>
{
    public async ValueTask<ProfileScore?> Handle(RecomputeScoreCommand command, CancellationToken cancellationToken)
    {
        await db.PendingScores.Where(p => p.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
        scoreCache.ForgetAfterCommit(afterCommit, command.UserId);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.RateeId == command.UserId).Select(r => (double)r.Score).ToListAsync(cancellationToken);
        var existing = await db.ProfileScores.SingleOrDefaultAsync(s => s.UserId == command.UserId, cancellationToken);
        if (ratings.Count < Math.Max(2, options.Value.MinimumRatings))
        {
            if (existing is not null)
            {
                db.ProfileScores.Remove(existing);
            }

            return null;
        }

        var globalMean = await db.Ratings.AverageAsync(r => (double)r.Score, cancellationToken);
        var summary = ScoreStatistics.Summarize(ratings, globalMean, options.Value.PriorWeight, options.Value.Scale.Minimum, options.Value.Scale.Maximum);
        var score = existing ?? db.ProfileScores.Add(new ProfileScore { UserId = command.UserId }).Entity;
        score.Count = summary.Count;
        score.Mean = summary.Mean;
        score.StandardDeviation = summary.StandardDeviation;
        score.ConfidenceLow = summary.ConfidenceLow;
        score.ConfidenceHigh = summary.ConfidenceHigh;
        score.ShrunkScore = summary.ShrunkScore;
        score.ComputedAt = timeProvider.GetUtcNowForStorage();
        return score;
    }
}
