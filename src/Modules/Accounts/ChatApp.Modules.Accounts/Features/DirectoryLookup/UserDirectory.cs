using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.DirectoryLookup;

/// <summary>
/// Answers <see cref="IUserDirectory"/> from the query cache (<see cref="ProfileCache"/>), and the users it lacks from
/// the Accounts tables in one query, plus one to Media when someone has an avatar. Inside an Accounts transaction it
/// reads the tables only: what it would cache might not be committed.
/// </summary>
internal sealed class UserDirectory(AccountsDbContext db, AvatarView avatars, ProfileCache cache, TimeProvider timeProvider) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserSummary>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, UserSummary>();
        }

        return db.Database.CurrentTransaction is null
            ? await cache.GetManyAsync(userIds, LoadAsync, cancellationToken)
            : await LoadAsync(userIds.Distinct().ToList(), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, UserSummary>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.AvatarMediaId,
                Deactivated = u.DeactivatedAt != null,
                u.Handle,
                Hidden = u.BannedAt != null || u.HiddenForReviewAt != null || (u.SuspendedUntil != null && u.SuspendedUntil > now),
            })
            .ToListAsync(cancellationToken);
        var avatarUrls = await avatars.ForAsync(users.Select(u => u.AvatarMediaId), cancellationToken);
        return users.ToDictionary(
            u => u.Id,
            u => new UserSummary(u.Id, u.DisplayName, u.AvatarMediaId is { } id && avatarUrls.TryGetValue(id, out var avatar) ? avatar.SmallUrl : null, u.Deactivated, u.Handle, u.Hidden));
    }
}
