namespace ChatApp.Modules.Accounts.Features.DirectoryLookup;

/// <summary>Answers <see cref="IUserDirectory"/> from the Accounts tables, in one query per call.</summary>
internal sealed class UserDirectory(AccountsDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserSummary>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, UserSummary>();
        }

        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new UserSummary(u.Id, u.DisplayName))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
    }
}
