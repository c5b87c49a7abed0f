using ChatApp.Modules.Accounts.Contracts;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.GetProfileScore;

internal sealed record GetProfileScoreQuery(Guid UserId) : IQuery<Result<ProfileScoreResponse>>;

/// <summary>
/// A profile's score. <c>status</c>: <c>published</c> (the statistics are set), <c>not_enough_ratings</c> (fewer than
/// <c>required</c>), or <c>pending</c> (enough ratings, the recomputation has not run yet).
/// </summary>
internal sealed record ProfileScoreResponse(
    Guid UserId,
    string Status,
    string Message,
    int Count,
    int Required,
    double? Mean,
    double? StandardDeviation,
    ConfidenceIntervalResponse? ConfidenceInterval,
    double? ShrunkScore,
    DateTime? ComputedAt);

internal sealed record ConfidenceIntervalResponse(double Level, double Low, double High);

/// <summary>Reads what the last recomputation stored: never computes on the request path.</summary>
internal sealed class GetProfileScoreHandler(RecommendationDbContext db, IUserDirectory users, IOptions<RecommendationOptions> options)
    : IQueryHandler<GetProfileScoreQuery, Result<ProfileScoreResponse>>
{
    public async ValueTask<Result<ProfileScoreResponse>> Handle(GetProfileScoreQuery query, CancellationToken cancellationToken)
    {
        if (!await users.IsActiveAsync(query.UserId, cancellationToken))
        {
            return RecommendationErrors.UserNotFound;
        }

        var required = options.Value.MinimumRatings;
        var score = await db.ProfileScores.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == query.UserId, cancellationToken);
        if (score is not null)
        {
            return new ProfileScoreResponse(query.UserId, "published", "Score published.", score.Count, required, score.Mean, score.StandardDeviation,
                new ConfidenceIntervalResponse(0.95, score.ConfidenceLow, score.ConfidenceHigh), score.ShrunkScore, score.ComputedAt);
        }

        var count = await db.Ratings.CountAsync(r => r.RateeId == query.UserId, cancellationToken);
        return count < required
            ? new ProfileScoreResponse(query.UserId, "not_enough_ratings", $"Not enough ratings yet: {count} of {required}.", count, required, null, null, null, null, null)
            : new ProfileScoreResponse(query.UserId, "pending", "Enough ratings: the score is being computed.", count, required, null, null, null, null, null);
    }
}
