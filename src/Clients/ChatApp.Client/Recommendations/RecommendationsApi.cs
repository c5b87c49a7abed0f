using ChatApp.Client.Http;

namespace ChatApp.Client.Recommendations;

/// <summary>Ratings and "people you may like" (docs/api.md "Recommendation").</summary>
public sealed class RecommendationsApi
{
    private readonly ApiConnection _api;

    internal RecommendationsApi(ApiConnection api) => _api = api;

    public Task<RecommendationList> ForMeAsync(int limit = 10, CancellationToken cancellationToken = default) =>
        _api.GetAsync<RecommendationList>($"/api/v1/recommendations/for-me?limit={limit}", cancellationToken);

    /// <summary>Rates someone I have talked with (1..5 on the default scale); rating again replaces it.</summary>
    public Task<Rating> RateAsync(Guid userId, int score, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Rating>(HttpMethod.Put, $"/api/v1/recommendations/ratings/{userId}", new { score }, authenticated: true, cancellationToken);

    public Task RemoveRatingAsync(Guid userId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/recommendations/ratings/{userId}", null, cancellationToken);
}
