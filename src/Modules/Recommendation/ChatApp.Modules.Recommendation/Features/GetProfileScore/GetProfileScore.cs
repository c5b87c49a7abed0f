using System.ComponentModel;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Recommendation.Scoring;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.GetProfileScore;

internal sealed record GetProfileScoreQuery(Guid UserId) : IQuery<Result<ProfileScoreResponse>>;

/// <summary>
/// A profile's score. <c>status</c>: <c>published</c> (the statistics are set), <c>not_enough_ratings</c> (fewer than
/// <c>required</c>), or <c>pending</c> (enough ratings, the recomputation has not run yet).
/// Immutable: the query cache (<see cref="ScoreCache"/>) hands the same instance to every reader on a node.
/// </summary>
[ImmutableObject(true)]
internal sealed record ProfileScoreResponse(
    Guid UserId,
    [property: WireValues(ScoreStatuses.Published, ScoreStatuses.NotEnoughRatings, ScoreStatuses.Pending)] string Status,
    string Message,
    int Count,
    int Required,
    double? Mean,
    double? StandardDeviation,
    ConfidenceIntervalResponse? ConfidenceInterval,
    double? ShrunkScore,
    DateTime? ComputedAt);

internal sealed record ConfidenceIntervalResponse(double Level, double Low, double High);

/// <summary>Reads what the last recomputation stored, through the query cache: never computes on the request path.</summary>
internal sealed class GetProfileScoreHandler(RecommendationDbContext db, IUserDirectory users, ScoreCache cache, IOptions<RecommendationOptions> options)
    : IQueryHandler<GetProfileScoreQuery, Result<ProfileScoreResponse>>
{
    public async ValueTask<Result<ProfileScoreResponse>> Handle(GetProfileScoreQuery query, CancellationToken cancellationToken)
    {
        if (!await users.IsActiveAsync(query.UserId, cancellationToken))
        {
            return RecommendationErrors.UserNotFound;
        }

        return await cache.GetAsync(query.UserId, ct => LoadAsync(query.UserId, ct), cancellationToken);
    }

    private async ValueTask<ProfileScoreResponse> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var required = options.Value.MinimumRatings;
        var score = await db.ProfileScores.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (score is not null)
        {
            return new ProfileScoreResponse(userId, ScoreStatuses.Published, "Score published.", score.Count, required, score.Mean, score.StandardDeviation,
                new ConfidenceIntervalResponse(0.95, score.ConfidenceLow, score.ConfidenceHigh), score.ShrunkScore, score.ComputedAt);
        }

        var count = await db.Ratings.CountAsync(r => r.RateeId == userId, cancellationToken);
        return count < required
            ? new ProfileScoreResponse(userId, ScoreStatuses.NotEnoughRatings, $"Not enough ratings yet: {count} of {required}.", count, required, null, null, null, null, null)
            : new ProfileScoreResponse(userId, ScoreStatuses.Pending, "Enough ratings: the score is being computed.", count, required, null, null, null, null, null);
    }
}
