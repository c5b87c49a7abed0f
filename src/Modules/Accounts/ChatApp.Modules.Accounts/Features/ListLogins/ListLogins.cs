using ChatApp.Modules.Accounts.External;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.ListLogins;

internal sealed record ListLoginsQuery(Guid UserId) : IQuery<Result<SignInMethodsResponse>>;

/// <param name="HasPassword">Whether the account can sign in with its e-mail and a password.</param>
/// <param name="Logins">The linked providers.</param>
/// <param name="AvailableProviders">The providers this server offers (what the app may show "link" buttons for).</param>
internal sealed record SignInMethodsResponse(bool HasPassword, IReadOnlyList<LinkedLoginResponse> Logins, IReadOnlyList<string> AvailableProviders);

internal sealed record LinkedLoginResponse(
    [property: WireValues(ExternalProviders.Facebook, ExternalProviders.Kakao, ExternalProviders.Apple, ExternalProviders.Google)] string Provider);

internal sealed class ListLoginsHandler(AccountsDbContext db, IOptions<ExternalSignInOptions> options) : IQueryHandler<ListLoginsQuery, Result<SignInMethodsResponse>>
{
    public async ValueTask<Result<SignInMethodsResponse>> Handle(ListLoginsQuery query, CancellationToken cancellationToken)
    {
        var hasPassword = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => (bool?)(u.PasswordHash != null))
            .SingleOrDefaultAsync(cancellationToken);
        if (hasPassword is null)
        {
            return AccountErrors.UserNotFound;
        }

        var providers = await db.UserLogins.AsNoTracking()
            .Where(l => l.UserId == query.UserId)
            .Select(l => l.LoginProvider)
            .ToListAsync(cancellationToken);
        return new SignInMethodsResponse(
            hasPassword.Value,
            providers.Order(StringComparer.Ordinal).Select(p => new LinkedLoginResponse(p)).ToList(),
            options.Value.ConfiguredProviders());
    }
}
