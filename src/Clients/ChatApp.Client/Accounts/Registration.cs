namespace ChatApp.Client.Accounts;

/// <summary>The new account (server: RegisterResponse).</summary>
public sealed record Registration(Guid UserId);
