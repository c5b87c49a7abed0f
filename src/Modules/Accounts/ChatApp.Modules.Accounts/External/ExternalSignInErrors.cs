namespace ChatApp.Modules.Accounts.External;

/// <summary>The expected failures of signing in with a provider and of managing linked sign-in methods.</summary>
internal static class ExternalSignInErrors
{
    public static readonly Error UnknownProvider =
        Error.NotFound("accounts.unknown_provider", "No such sign-in provider (facebook, kakao, apple, google).");

    public static readonly Error ProviderNotConfigured =
        Error.NotFound("accounts.provider_not_configured", "Sign-in with this provider is not available on this server.");

    public static readonly Error TokenInvalid =
        Error.Unauthorized("accounts.external_token_invalid", "The provider's token is invalid, expired or was not issued for this app. Sign in with the provider again.");

    public static readonly Error ProviderUnavailable = Error.Unavailable(
        "accounts.provider_unavailable", "The sign-in provider cannot be reached right now. Try again shortly.") with { RetryAfter = TimeSpan.FromSeconds(30) };

    public static readonly Error AccountExists = Error.Conflict(
        "accounts.external_account_exists",
        "An account with this provider's e-mail already exists. Sign in to it, then link the provider.");

    public static readonly Error LoginTaken =
        Error.Conflict("accounts.login_taken", "This provider account is already linked to another ChatApp account.");

    public static readonly Error ProviderAlreadyLinked =
        Error.Conflict("accounts.provider_already_linked", "Another account of this provider is already linked; unlink it first.");

    public static readonly Error LoginNotFound =
        Error.NotFound("accounts.login_not_found", "This provider is not linked to your account.");

    public static readonly Error LastSignInMethod = Error.Conflict(
        "accounts.last_sign_in_method", "This is your only way to sign in: set a password or link another provider first.");

    public static readonly Error EmailRequired = Error.Conflict(
        "accounts.email_required", "A password signs in together with an e-mail, and this account has none.");

    public static readonly Error ReauthenticationRequired = Error.Forbidden(
        "accounts.reauthentication_required",
        "This change needs a recent sign-in: sign in again (with your provider), then retry.");

    public static readonly Error PasswordAlreadySet =
        Error.Conflict("accounts.password_already_set", "This account already has a password; change it instead.");
}
