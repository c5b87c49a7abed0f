namespace ChatApp.LoadTest;

/// <summary>A load user and its access token (good until <see cref="AccessTokenExpiresAt"/>).</summary>
internal sealed record LoadUser(Guid Id, string Email, string AccessToken, DateTimeOffset AccessTokenExpiresAt);
