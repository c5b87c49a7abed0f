namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Checks an e-mail and password with Identity's lockout. Unknown e-mail and wrong password give the same answers on
/// every attempt: the same error, the same lockout after the same number of failures with the same Retry-After (see
/// <see cref="IUnknownAccountThrottle"/>), and comparable time (a password hash is verified either way, and neither
/// verifies one while locked out).
/// </summary>
internal sealed class CredentialsChecker(UserManager<User> users, SignInManager<User> signIn, IUnknownAccountThrottle unknownAccounts, TimeProvider timeProvider)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public async Task<Result<User>> CheckAsync(string email, string password)
    {
        if (!UserText.IsWellFormed(email))
        {
            // No account can have it (registration refuses it), and Identity's normaliser would throw on it.
            return AccountErrors.InvalidCredentials;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            var normalized = users.NormalizeEmail(email.Trim());
            if (await unknownAccounts.LockedOutForAsync(normalized) is { } remaining)
            {
                return AccountErrors.LockedOut(remaining);
            }

            users.PasswordHasher.VerifyHashedPassword(new User(), DummyHash.Value, password);
            return await unknownAccounts.RecordFailureAsync(normalized) is { } lockout
                ? AccountErrors.LockedOut(lockout)
                : AccountErrors.InvalidCredentials;
        }

        if (user.PasswordHash is null && !await users.IsLockedOutAsync(user))
        {
            // An account made by a provider has no password: Identity would refuse it without hashing anything, which
            // is measurably faster and would tell that the account exists and has no password.
            users.PasswordHasher.VerifyHashedPassword(user, DummyHash.Value, password);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountErrors.LockedOutUntil(user.LockoutEnd, timeProvider);
        }

        return check.Succeeded ? user : AccountErrors.InvalidCredentials;
    }
}
