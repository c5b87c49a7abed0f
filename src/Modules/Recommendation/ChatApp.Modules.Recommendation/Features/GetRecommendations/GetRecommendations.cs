using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;

namespace ChatApp.Modules.Recommendation.Features.GetRecommendations;

internal sealed record GetRecommendationsQuery(Guid UserId, int Limit) : IQuery<Result<RecommendationsResponse>>;

/// <summary>
/// People recommended to me, best first. <c>source</c>: <c>model</c> (the taste model's prediction for me) or
/// <c>top_rated</c> (cold start: the best shrunk scores). <c>modelVersion</c> is null when no model has been trained yet.
/// </summary>
internal sealed record RecommendationsResponse(long? ModelVersion, IReadOnlyList<RecommendedPersonResponse> People);

internal sealed record RecommendedPersonResponse(Guid UserId, string DisplayName, string? AvatarUrl, string Source, double Score, double? PredictedRating);

internal sealed class GetRecommendationsValidator : AbstractValidator<GetRecommendationsQuery>
{
    public GetRecommendationsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 50).OverridePropertyName("limit");
}

/// <summary>
/// Serves the newest complete model version's precomputed list, minus what changed since it was trained (people I
/// rated since, blocks either way, accounts deactivated or deleted), topped up from the best shrunk scores.
/// </summary>
internal sealed class GetRecommendationsHandler(RecommendationDbContext db, IUserDirectory users, IChatRelations relations)
    : IQueryHandler<GetRecommendationsQuery, Result<RecommendationsResponse>>
{
    public async ValueTask<Result<RecommendationsResponse>> Handle(GetRecommendationsQuery query, CancellationToken cancellationToken)
    {
        var version = await db.ModelVersions.AsNoTracking()
            .Where(v => v.Status == ModelStatus.Complete).OrderByDescending(v => v.Id).Select(v => (long?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var excluded = (await db.Ratings.AsNoTracking().Where(r => r.RaterId == query.UserId).Select(r => r.RateeId).ToListAsync(cancellationToken)).ToHashSet();
        excluded.UnionWith(await relations.GetBlockedAsync(query.UserId, cancellationToken));
        excluded.Add(query.UserId);

        // Over-fetch: some candidates may be excluded now, deactivated, or no longer exist.
        var fetch = (query.Limit * 2) + excluded.Count;
        var candidates = new List<(Guid UserId, string Source, double Score, double? Predicted)>();
        if (version is { } id)
        {
            candidates.AddRange((await db.RecommendedUsers.AsNoTracking()
                    .Where(r => r.ModelVersionId == id && r.RaterId == query.UserId && !excluded.Contains(r.RateeId))
                    .OrderBy(r => r.Rank).Take(fetch)
                    .Select(r => new { r.RateeId, r.Score, r.PredictedRating })
                    .ToListAsync(cancellationToken))
                .Select(r => (r.RateeId, "model", r.Score, (double?)r.PredictedRating)));
        }

        if (candidates.Count < fetch)
        {
            var known = candidates.Select(c => c.UserId).ToHashSet();
            candidates.AddRange((await db.ProfileScores.AsNoTracking()
                    .Where(s => !excluded.Contains(s.UserId))
                    .OrderByDescending(s => s.ShrunkScore).ThenBy(s => s.UserId).Take(fetch)
                    .Select(s => new { s.UserId, s.ShrunkScore })
                    .ToListAsync(cancellationToken))
                .Where(s => !known.Contains(s.UserId))
                .Select(s => (s.UserId, "top_rated", s.ShrunkScore, (double?)null)));
        }

        var directory = await users.GetUsersAsync(candidates.Select(c => c.UserId).ToList(), cancellationToken);
        var people = candidates
            .Where(c => directory.TryGetValue(c.UserId, out var user) && !user.Deactivated && !user.Hidden)
            .Take(query.Limit)
            .Select(c => new RecommendedPersonResponse(c.UserId, directory[c.UserId].DisplayName, directory[c.UserId].AvatarUrl, c.Source, c.Score, c.Predicted))
            .ToList();
        return new RecommendationsResponse(version, people);
    }
}
