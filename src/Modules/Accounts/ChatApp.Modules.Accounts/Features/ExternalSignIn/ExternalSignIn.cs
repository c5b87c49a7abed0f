using System.ComponentModel.DataAnnotations;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.ExternalSignIn;

internal sealed record ExternalSignInRequest(string Token, string? Nonce, string? Name, string? DeviceName);

/// <summary>
/// Signs in with a provider identity on one device, creating the account the first time. The endpoint verified the
/// token with the provider before sending it (<see cref="ExternalTokenInput"/>): no transaction is held while the
/// provider answers, and a conflict retry does not ask the provider again.
/// </summary>
internal sealed record ExternalSignInCommand(ExternalIdentity Identity, string? Name, string? DeviceName)
    : ICommand<Result<ExternalSignInResult>>;

/// <param name="Created">True when this sign-in made the account (the endpoint answers 201).</param>
internal sealed record ExternalSignInResult(Guid UserId, TokenResponse Tokens, bool Created);

internal sealed class ExternalSignInValidator : AbstractValidator<ExternalSignInCommand>
{
    public ExternalSignInValidator()
    {
        RuleFor(c => c.Name!).SafeName(User.DisplayNameMaxLength, required: false).When(c => c.Name is not null);
        RuleFor(c => c.DeviceName!).SafeName(Session.DeviceNameMaxLength, required: false).When(c => c.DeviceName is not null);
    }
}

/// <summary>
/// Signs in the account linked to the verified provider identity (<see cref="IExternalTokenVerifier"/>, called by the
/// endpoint), exactly as a password sign-in does (a deactivated account is reactivated). Without one it makes the
/// account (no password, the synthetic user name <c>ext:{id}</c> that no identity can collide with, even one unlinked
/// from it later; the e-mail only when the provider vouches for it,
/// and then confirmed) and publishes <see cref="UserRegisteredIntegrationEvent"/> (and, when the provider has a picture
/// on one of its allowed origins, <see cref="ProviderPictureFoundIntegrationEvent"/>: the avatar follows after the commit); but when another account already has
/// that e-mail it refuses (409): accounts are never merged silently, the owner signs in and links the provider.
/// </summary>
internal sealed class ExternalSignInHandler(
    UserManager<User> users,
    SessionTokenIssuer issuer,
    AccountsDbContext db,
    IIdGenerator ids,
    TimeProvider timeProvider,
    AdminCookieValidator adminCookies,
    Profiles.ProfileCache profiles,
    ProviderPictures pictures,
    AfterCommit afterCommit) : ICommandHandler<ExternalSignInCommand, Result<ExternalSignInResult>>
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public async ValueTask<Result<ExternalSignInResult>> Handle(ExternalSignInCommand command, CancellationToken cancellationToken)
    {
        var external = command.Identity;
        var user = await users.FindByLoginAsync(external.Provider, external.Subject);
        var created = false;
        if (user is null)
        {
            var made = await CreateAsync(external, command.Name);
            if (!made.IsSuccess)
            {
                return made.Error;
            }

            user = made.Value;
            created = true;
        }

        if (SignInRefusal.For(user, timeProvider.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        var reactivated = user.DeactivatedAt is not null;
        user.DeactivatedAt = null;
        var pair = await issuer.StartSessionAsync(user, command.DeviceName);
        if (reactivated)
        {
            afterCommit.Run(() => adminCookies.Forget(user.Id));
            profiles.ForgetAfterCommit(afterCommit, user.Id);
        }

        return new ExternalSignInResult(user.Id, TokenResponse.From(pair), created);
    }

    private async Task<Result<User>> CreateAsync(ExternalIdentity external, string? typedName)
    {
        // An address our own rules would refuse at registration is dropped rather than failing the sign-in.
        var email = external.Email is { Length: <= 256 } vouched && UserText.IsWellFormed(vouched) && EmailFormat.IsValid(vouched) ? vouched.Trim() : null;
        if (email is not null && await users.FindByEmailAsync(email) is { } owner)
        {
            if ((await users.GetLoginsAsync(owner)).Any(l => l.LoginProvider == external.Provider && l.ProviderKey == external.Subject))
            {
                // A simultaneous sign-in of this very identity made the account after our lookup: run again and sign in to it.
                throw new DbUpdateConcurrencyException("A concurrent sign-in created this account first.");
            }

            return ExternalSignInErrors.AccountExists;
        }

        var now = timeProvider.GetUtcNowForStorage();
        var id = ids.NewId();
        var user = new User
        {
            Id = id,
            UserName = SyntheticUserName(id),
            Email = email,
            EmailConfirmed = email is not null,
            CreatedAt = now,
        };
        user.Rename(ExternalDisplayName.Choose(typedName, external.DisplayName));

        // A duplicate here is a race with another account's creation (the same person signing in on two devices at
        // once, or registering the e-mail): the unit of work runs the command again and it then finds the winner. The
        // user name is made from the new id, so it is never what collides for good.
        var created = await users.CreateAsync(user);
        ThrowOnDuplicate(created);
        if (!created.Succeeded)
        {
            return AccountErrors.FromIdentity(created.Errors);
        }

        var linked = await users.AddLoginAsync(user, new UserLoginInfo(external.Provider, external.Subject, external.Provider));
        ThrowOnDuplicate(linked);
        if (!linked.Succeeded)
        {
            return AccountErrors.FromIdentity(linked.Errors);
        }

        People.PeopleSearchTerms.AddFor(db, user.Id, user.DisplayName);
        db.AddIntegrationEvent(new UserRegisteredIntegrationEvent(ids.NewId(), now, user.Id, user.DisplayName));
        if (external.PictureUrl is { } picture && pictures.IsAllowed(external.Provider, picture))
        {
            db.AddIntegrationEvent(new ProviderPictureFoundIntegrationEvent(ids.NewId(), now, user.Id, external.Provider, picture));
        }

        return user;
    }

    /// <summary>The user name of an account made by a provider sign-in: from its own id, never from an identity.</summary>
    internal static string SyntheticUserName(Guid userId) => $"ext:{userId:N}";

    private static void ThrowOnDuplicate(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                                           or nameof(IdentityErrorDescriber.LoginAlreadyAssociated) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new DbUpdateConcurrencyException("A concurrent sign-in created this account first: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
