namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>The values of <see cref="SessionsEndedIntegrationEvent.Reason"/>.</summary>
public static class SessionEndReasons
{
    /// <summary>The device signed itself out.</summary>
    public const string Logout = "logout";

    /// <summary>The user signed that device out from another one.</summary>
    public const string Revoked = "revoked";

    /// <summary>The password changed: every other session ends.</summary>
    public const string PasswordChanged = "password_changed";

    /// <summary>The account was deactivated: every session ends.</summary>
    public const string AccountDeactivated = "account_deactivated";

    /// <summary>A used refresh token was presented again: the session is revoked.</summary>
    public const string RefreshReuse = "refresh_reuse";

    /// <summary>The account was deleted: every session ends (and <see cref="AccountDeletedIntegrationEvent"/> follows).</summary>
    public const string AccountDeleted = "account_deleted";

    /// <summary>A moderator suspended the account: every session ends.</summary>
    public const string AccountSuspended = "account_suspended";

    /// <summary>A moderator banned the account: every session ends.</summary>
    public const string AccountBanned = "account_banned";
}
