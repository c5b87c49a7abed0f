namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>
/// My own profile, including what only I may see (e-mail, null for an account made by a provider that gave none; whether
/// it is verified); <c>Handle</c> null until chosen; <c>Discoverable</c> false: people search finds me by my exact handle only.
/// </summary>
internal sealed record MyProfileResponse(
    Guid Id, string? Email, bool EmailVerified, string DisplayName, string? Bio, DateTime CreatedAt, AvatarResponse? Avatar, string? Handle, bool Discoverable)
{
    public static async Task<MyProfileResponse> ForAsync(User user, AvatarView avatars, CancellationToken cancellationToken) =>
        new(user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.Bio, user.CreatedAt,
            await avatars.ForAsync(user.AvatarMediaId, cancellationToken), user.Handle, user.Discoverable);
}
