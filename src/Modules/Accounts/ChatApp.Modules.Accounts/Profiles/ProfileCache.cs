using ChatApp.BuildingBlocks.Caching;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>
/// Users as the directory shows them (<see cref="UserSummary"/>), in the query cache under the tag <c>user:{id}</c>.
/// Whatever changes a summary (display name, avatar, deactivation, reactivation) forgets it after its commit.
/// </summary>
internal sealed class ProfileCache(QueryCache cache)
{
    public const string Name = "profiles";

    public static string Tag(Guid userId) => QueryCacheKeys.Tag("user", userId);

    public static string Key(Guid userId) => "accounts:profile:" + userId.ToString("N");

    public ValueTask<IReadOnlyDictionary<Guid, UserSummary>> GetManyAsync(
        IReadOnlyCollection<Guid> userIds, Func<IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, UserSummary>>> load, CancellationToken cancellationToken) =>
        cache.GetOrLoadManyAsync(Name, userIds, Tag, Key, load, cancellationToken);

    /// <summary>Every node reads the user's summary afresh once the command being handled has committed.</summary>
    public void ForgetAfterCommit(AfterCommit afterCommit, Guid userId) => afterCommit.Run(_ => cache.InvalidateAsync([Tag(userId)]));

    /// <summary>A deleted account: its cached summaries (name, avatar) are removed everywhere, not only left to expire.</summary>
    public void RemoveAfterCommit(AfterCommit afterCommit, Guid userId) => afterCommit.Run(_ => cache.ForgetAsync(Tag(userId), Key(userId)));
}
