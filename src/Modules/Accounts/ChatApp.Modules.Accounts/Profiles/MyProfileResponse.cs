namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>My own profile, including what only I may see (e-mail, null for an account made by a provider that gave none; whether it is verified).</summary>
internal sealed record MyProfileResponse(Guid Id, string? Email, bool EmailVerified, string DisplayName, string? Bio, DateTime CreatedAt, AvatarResponse? Avatar);
