namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>My own profile, including what only I may see (e-mail).</summary>
internal sealed record MyProfileResponse(Guid Id, string Email, string DisplayName, string? Bio, DateTime CreatedAt, AvatarResponse? Avatar);
