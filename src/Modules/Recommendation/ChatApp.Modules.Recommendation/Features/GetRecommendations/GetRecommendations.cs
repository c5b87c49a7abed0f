using System.Text.Json;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Recommendation.Model;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.GetRecommendations;

internal sealed record GetRecommendationsQuery(Guid UserId, int Limit) : IQuery<Result<RecommendationsResponse>>;

/// <summary>
/// People recommended to me, best first. <c>source</c>: <c>model</c> (the taste model's prediction for me) or
/// <c>top_rated</c> (cold start: the best shrunk scores). <c>modelVersion</c> is null when no model has been trained yet.
/// </summary>
internal sealed record RecommendationsResponse(long? ModelVersion, IReadOnlyList<RecommendedPersonResponse> People);

internal sealed record RecommendedPersonResponse(Guid UserId, string DisplayName, string? AvatarUrl, [property: WireValues(RecommendationSources.Model, RecommendationSources.TopRated)] string Source, double Score, double? PredictedRating);

internal sealed class GetRecommendationsValidator : AbstractValidator<GetRecommendationsQuery>
{
    public GetRecommendationsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 50).OverridePropertyName("limit");
}

/// <summary>
/// Serves the newest complete model version's precomputed list, minus what changed since it was trained (people I
/// rated since, blocks either way, accounts deactivated, deleted, banned or hidden for review, and anyone distrusted
/// by their received ratings now: <see cref="DistrustRule"/> with the prior the version was trained with, and any
/// published score below neutral), topped up from the best shrunk scores at or above neutral.
/// </summary>
internal sealed class GetRecommendationsHandler(RecommendationDbContext db, IUserDirectory users, IChatRelations relations, IOptions<RecommendationOptions> options)
    : IQueryHandler<GetRecommendationsQuery, Result<RecommendationsResponse>>
{
    public async ValueTask<Result<RecommendationsResponse>> Handle(GetRecommendationsQuery query, CancellationToken cancellationToken)
    {
        var newest = await db.ModelVersions.AsNoTracking()
            .Where(v => v.Status == ModelStatus.Complete).OrderByDescending(v => v.Id).Select(v => new { v.Id, v.Details }).FirstOrDefaultAsync(cancellationToken);
        var version = newest?.Id;
        var neutral = options.Value.Scale.Neutral;
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
                .Select(r => (r.RateeId, RecommendationSources.Model, r.Score, (double?)r.PredictedRating)));
        }

        if (candidates.Count < fetch)
        {
            var known = candidates.Select(c => c.UserId).ToHashSet();
            candidates.AddRange((await db.ProfileScores.AsNoTracking()
                    .Where(s => !excluded.Contains(s.UserId) && s.ShrunkScore >= neutral)
                    .OrderByDescending(s => s.ShrunkScore).ThenBy(s => s.UserId).Take(fetch)
                    .Select(s => new { s.UserId, s.ShrunkScore })
                    .ToListAsync(cancellationToken))
                .Where(s => !known.Contains(s.UserId))
                .Select(s => (s.UserId, RecommendationSources.TopRated, s.ShrunkScore, (double?)null)));
        }

        var ids = candidates.Select(c => c.UserId).ToList();
        var distrusted = await DistrustedAsync(ids, newest?.Details, cancellationToken);
        var directory = await users.GetUsersAsync(ids, cancellationToken);
        var people = candidates
            .Where(c => !distrusted.Contains(c.UserId) && directory.TryGetValue(c.UserId, out var user) && !user.Deactivated && !user.Hidden)
            .Take(query.Limit)
            .Select(c => new RecommendedPersonResponse(c.UserId, directory[c.UserId].DisplayName, directory[c.UserId].AvatarUrl, c.Source, c.Score, c.Predicted))
            .ToList();
        return new RecommendationsResponse(version, people);
    }

    /// <summary>
    /// The candidates distrusted by their received ratings as they are now (ratings may have arrived since training):
    /// the model's rule with the prior stored with the version (or, for a version without one, fitted from the mean
    /// and spread of all ratings), and any published score below neutral.
    /// </summary>
    private async Task<HashSet<Guid>> DistrustedAsync(List<Guid> ids, string? details, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var settings = options.Value;
        var scale = settings.Scale.ToScale();
        var prior = details is null ? null : JsonSerializer.Deserialize<StoredDetails>(details, DetailsJson)?.DistrustPrior;
        if (prior is null)
        {
            var all = await db.Ratings.AsNoTracking().GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Sum = g.Sum(r => (double)r.Score), Squares = g.Sum(r => (double)r.Score * r.Score) })
                .FirstOrDefaultAsync(cancellationToken);
            var mean = all is { Count: > 0 } ? all.Sum / all.Count : scale.Neutral;
            var variance = all is { Count: > 1 } ? Math.Max(0, (all.Squares - (all.Count * mean * mean)) / (all.Count - 1)) : 0;
            prior = new DistrustPrior(mean, variance > 0 ? variance : Math.Pow(scale.Width / 4, 2), DistrustPrior.FallbackWeight);
        }

        var rule = new DistrustRule(scale, prior, settings.PriorWeight, settings.DistrustConfidence);
        var received = await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.RateeId)).GroupBy(r => r.RateeId)
            .Select(g => new { RateeId = g.Key, Count = g.Count(), Sum = g.Sum(r => (double)r.Score) })
            .ToListAsync(cancellationToken);
        var distrusted = received.Where(r => rule.IsDistrusted(r.Count, r.Sum)).Select(r => r.RateeId).ToHashSet();
        distrusted.UnionWith(await db.ProfileScores.AsNoTracking().Where(s => ids.Contains(s.UserId) && s.ShrunkScore < scale.Neutral)
            .Select(s => s.UserId).ToListAsync(cancellationToken));
        return distrusted;
    }

    private static readonly JsonSerializerOptions DetailsJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>What serving reads of a version's <see cref="ModelVersion.Details"/>.</summary>
    private sealed record StoredDetails(DistrustPrior? DistrustPrior);
}
