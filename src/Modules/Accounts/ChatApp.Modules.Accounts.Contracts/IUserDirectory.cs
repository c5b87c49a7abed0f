namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>What other modules may ask Accounts about users, synchronously (implemented inside Accounts).</summary>
public interface IUserDirectory
{
    /// <summary>
    /// The users among <paramref name="userIds"/> that exist, by id; unknown ids are simply absent. Deactivated accounts
    /// are present with <see cref="UserSummary.Deactivated"/> set: their names still label what they wrote, but nobody
    /// starts anything new with them.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, UserSummary>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

/// <summary>
/// The public face of a user as other modules show it; <c>AvatarUrl</c> is the small (128 px) avatar, if any;
/// <c>Deactivated</c>: the owner has deactivated the account (see <see cref="IUserDirectory"/>).
/// </summary>
public sealed record UserSummary(Guid Id, string DisplayName, string? AvatarUrl = null, bool Deactivated = false);

public static class UserDirectoryExtensions
{
    /// <summary>Whether the user exists and has not deactivated their account.</summary>
    public static async Task<bool> IsActiveAsync(this IUserDirectory directory, Guid userId, CancellationToken cancellationToken) =>
        (await directory.GetUsersAsync([userId], cancellationToken)).TryGetValue(userId, out var user) && !user.Deactivated;
}
