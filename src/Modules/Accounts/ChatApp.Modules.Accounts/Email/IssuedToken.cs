namespace ChatApp.Modules.Accounts.Email;

/// <summary>What one mail carries: a 6-digit code to type into the app and a long token for the link. Never stored.</summary>
internal sealed record IssuedToken(string Code, string LinkToken, DateTime ExpiresAt);
