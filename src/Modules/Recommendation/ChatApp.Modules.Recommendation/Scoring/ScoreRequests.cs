using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Recommendation.Features.RecomputeScore;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Scoring;

/// <summary>
/// Queues a recomputation of a profile's score, coalescing bursts: the first request inserts the profile's pending row
/// and schedules one Hangfire job after <see cref="RecommendationOptions.ScoreDebounce"/>; requests while that row
/// exists add nothing (the job has not read the ratings yet, so it will see theirs). The job deletes the row before
/// it reads, so a rating that lands during the run queues the next one. Called after the rating's commit (an
/// after-commit side effect of rating and withdrawing), so the job's read always sees the rating; the insert is its
/// own statement, and a request that is already queued is the expected outcome, not an error.
/// </summary>
internal sealed class ScoreRequests(RecommendationDbContext db, IBackgroundJobClient jobs, IOptions<RecommendationOptions> options, TimeProvider timeProvider)
{
    /// <summary>After a rating of <paramref name="userId"/> changed: queue a recomputation when a score is or could be published.</summary>
    public async Task RatingChangedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var count = await db.Ratings.CountAsync(r => r.RateeId == userId, cancellationToken);
        if (count < options.Value.MinimumRatings && !await db.ProfileScores.AnyAsync(s => s.UserId == userId, cancellationToken))
        {
            return;
        }

        db.PendingScores.Add(new PendingScore { UserId = userId, RequestedAt = timeProvider.GetUtcNowForStorage() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return; // already queued
        }

        jobs.Schedule<RecomputeScoreJob>(job => job.RunAsync(userId, CancellationToken.None), options.Value.ScoreDebounce);
    }
}
