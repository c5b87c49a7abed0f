namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Checks an e-mail and password with Identity's lockout. Unknown e-mail and wrong password give the same error, take
/// comparable time (a password hash is verified either way) and lock out after the same number of failures.
/// </summary>
internal sealed class CredentialsChecker(UserManager<User> users, SignInManager<User> signIn, UnknownAccountThrottle unknownAccounts)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public async Task<Result<User>> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            var normalized = users.NormalizeEmail(email.Trim());
            if (unknownAccounts.IsLockedOut(normalized))
            {
                return AccountErrors.LockedOut;
            }

            users.PasswordHasher.VerifyHashedPassword(new User(), DummyHash.Value, password);
            unknownAccounts.RecordFailure(normalized);
            return AccountErrors.InvalidCredentials;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountErrors.LockedOut;
        }

        return check.Succeeded ? user : AccountErrors.InvalidCredentials;
    }
}
