namespace ChatApp.Modules.Accounts.Contracts;

public static class UserDirectoryExtensions
{
    /// <summary>Whether the user exists and has not deactivated their account.</summary>
    public static async Task<bool> IsActiveAsync(this IUserDirectory directory, Guid userId, CancellationToken cancellationToken) =>
        (await directory.GetUsersAsync([userId], cancellationToken)).TryGetValue(userId, out var user) && !user.Deactivated;
}
