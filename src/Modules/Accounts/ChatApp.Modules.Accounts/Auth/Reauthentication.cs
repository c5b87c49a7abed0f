using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.External;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Proof, beyond an access token (which may be stolen or read off a borrowed phone), that the account's owner is making
/// a sensitive change (linking a provider, a first password, deactivating): the current password when the account has
/// one (wrong ones count towards lockout); for an account without one, a sign-in within
/// <see cref="ExternalSignInOptions.ReauthenticationWindow"/>: the caller's session must have been made that recently
/// (refreshing does not renew it), else 403 <c>accounts.reauthentication_required</c> and the app signs in again.
/// </summary>
internal sealed class Reauthentication(
    UserManager<User> users,
    SignInManager<User> signIn,
    AccountsDbContext db,
    IOptions<ExternalSignInOptions> options,
    TimeProvider timeProvider)
{
    public async Task<Result> CheckAsync(User user, string? password, Guid? sessionId, CancellationToken cancellationToken)
    {
        if (await users.HasPasswordAsync(user))
        {
            if (string.IsNullOrEmpty(password))
            {
                return Error.Validation("password", "Enter the account's current password.");
            }

            var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                return AccountErrors.LockedOutUntil(user.LockoutEnd, timeProvider);
            }

            return check.Succeeded ? Result.Success() : AccountErrors.IncorrectPassword;
        }

        var since = timeProvider.GetUtcNowForStorage() - options.Value.ReauthenticationWindow;
        var recent = sessionId is { } id && await db.Sessions.AnyAsync(
            s => s.Id == id && s.UserId == user.Id && s.RevokedAt == null && s.CreatedAt >= since, cancellationToken);
        return recent ? Result.Success() : ExternalSignInErrors.ReauthenticationRequired;
    }
}
