namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>What other modules may ask Accounts about users, synchronously (implemented inside Accounts).</summary>
public interface IUserDirectory
{
    /// <summary>The users among <paramref name="userIds"/> that exist, by id; unknown ids are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, UserSummary>> GetUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

/// <summary>The public face of a user as other modules show it; <c>AvatarUrl</c> is the small (128 px) avatar, if any.</summary>
public sealed record UserSummary(Guid Id, string DisplayName, string? AvatarUrl = null);
