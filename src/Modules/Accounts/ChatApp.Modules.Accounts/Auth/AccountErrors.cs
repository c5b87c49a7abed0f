namespace ChatApp.Modules.Accounts.Auth;

/// <summary>The Accounts module's expected failures, with stable codes the mobile app can switch on.</summary>
internal static class AccountErrors
{
    public static readonly Error InvalidCredentials =
        Error.Unauthorized("accounts.invalid_credentials", "The e-mail or password is incorrect.");

    /// <summary>Too many failed sign-ins; <c>Retry-After</c> tells when the lockout ends (the same for unknown e-mails).</summary>
    public static Error LockedOut(TimeSpan remaining) =>
        Error.TooManyRequests("accounts.locked_out", "Too many failed sign-in attempts. Try again in a few minutes.") with { RetryAfter = remaining };

    /// <summary><see cref="LockedOut(TimeSpan)"/> for a lockout that Identity recorded on the account.</summary>
    public static Error LockedOutUntil(DateTimeOffset? lockoutEnd, TimeProvider timeProvider)
    {
        var remaining = (lockoutEnd ?? timeProvider.GetUtcNow()) - timeProvider.GetUtcNow();
        return LockedOut(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromSeconds(1));
    }

    public static readonly Error InvalidRefreshToken =
        Error.Unauthorized("accounts.invalid_refresh_token", "The refresh token is invalid, expired or revoked. Sign in again.");

    public static readonly Error EmailTaken =
        Error.Conflict("accounts.email_taken", "An account with this e-mail already exists.");

    public static readonly Error UserNotFound =
        Error.NotFound("accounts.user_not_found", "No such user.");

    public static readonly Error SessionNotFound =
        Error.NotFound("accounts.session_not_found", "No such session.");

    public static readonly Error AvatarNotFound = Error.Validation(
        "accounts.avatar_not_found", "No such image among your avatar uploads (upload it with purpose 'avatar' first).",
        new Dictionary<string, string[]> { ["mediaId"] = ["No such image among your avatar uploads."] });

    public static readonly Error IncorrectPassword = Error.Validation(
        "accounts.incorrect_password", "The password is incorrect.",
        new Dictionary<string, string[]> { ["password"] = ["The password is incorrect."] });

    public static readonly Error Deactivated =
        Error.Forbidden("accounts.deactivated", "This account is deactivated. Sign in to the app to reactivate it.");

    public static readonly Error Banned =
        Error.Forbidden("accounts.banned", "This account is banned by a moderator.");

    public static Error Suspended(DateTime until) =>
        Error.Forbidden("accounts.suspended", $"This account is suspended by a moderator until {until:yyyy-MM-ddTHH:mm:ssZ}.");

    /// <summary>Moderators do not sanction administrators' accounts (an administrator removes the role first).</summary>
    public static readonly Error AdminProtected =
        Error.Conflict("accounts.admin_protected", "Administrators' accounts cannot be suspended or banned.");

    public static readonly Error NotAdmin =
        Error.Forbidden("accounts.not_admin", "This account is not an administrator.");

    /// <summary>Maps Identity's errors: duplicates to 409, password rules to the given password field, e-mail rules to "email".</summary>
    public static Error FromIdentity(IEnumerable<IdentityError> errors, string passwordField = "password")
    {
        var list = errors.ToList();
        if (list.Exists(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return EmailTaken;
        }

        var fields = list
            .GroupBy(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => "currentPassword",
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "email",
                _ => "request",
            }, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
        return Error.Validation("validation_failed", "One or more validation errors occurred.", fields);
    }
}
