using ChatApp.BuildingBlocks.Caching;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Recommendation.Features.GetProfileScore;

namespace ChatApp.Modules.Recommendation.Scoring;

/// <summary>
/// Profiles' scores as <c>GET /scores/{userId}</c> answers them, in the query cache under the tag <c>score:{id}</c>.
/// A rating given, changed or withdrawn (the count moves) and a recomputation (the score is published, updated or
/// removed) forget it after their commit, on every node.
/// </summary>
internal sealed class ScoreCache(QueryCache cache)
{
    public const string Name = "scores";

    public static string Tag(Guid userId) => QueryCacheKeys.Tag("score", userId);

    public static string Key(Guid userId) => "recommendation:score:" + userId.ToString("N");

    public ValueTask<ProfileScoreResponse> GetAsync(Guid userId, Func<CancellationToken, ValueTask<ProfileScoreResponse>> load, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(Name, Tag(userId), Key(userId), load, cancellationToken);

    /// <summary>Every node reads the profile's score afresh once the command being handled has committed.</summary>
    public void ForgetAfterCommit(AfterCommit afterCommit, Guid userId) => afterCommit.Run(_ => cache.InvalidateAsync([Tag(userId)]));
}
