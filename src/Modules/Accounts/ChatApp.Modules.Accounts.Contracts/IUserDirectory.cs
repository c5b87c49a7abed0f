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
