
namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>A user's avatar as profiles show it: public, immutable URLs (CDN when configured) of the two sizes.</summary>
internal sealed record AvatarResponse(Guid MediaId, string Url, string SmallUrl);
