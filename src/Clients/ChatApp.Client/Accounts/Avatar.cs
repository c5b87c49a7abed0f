namespace ChatApp.Client.Accounts;

/// <summary>Public URLs of a profile picture, 512×512 and 128×128 (server: AvatarResponse).</summary>
public sealed record Avatar(Guid MediaId, string Url, string SmallUrl);
