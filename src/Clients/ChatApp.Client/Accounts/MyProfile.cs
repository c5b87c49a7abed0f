namespace ChatApp.Client.Accounts;

/// <summary>GET /accounts/me (server: MyProfileResponse).</summary>
public sealed record MyProfile(Guid Id, string? Email, bool EmailVerified, string DisplayName, string? Bio, DateTime CreatedAt, Avatar? Avatar, string? Handle, bool Discoverable);
