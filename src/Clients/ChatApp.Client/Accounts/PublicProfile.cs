namespace ChatApp.Client.Accounts;

/// <summary>Someone's public profile, GET /users/{userId} (server: PublicProfileResponse).</summary>
public sealed record PublicProfile(Guid Id, string DisplayName, string? Bio, Avatar? Avatar, string? Handle);
