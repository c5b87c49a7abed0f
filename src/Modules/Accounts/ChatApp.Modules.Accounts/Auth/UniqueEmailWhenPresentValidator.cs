using System.ComponentModel.DataAnnotations;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// An e-mail, when the account has one, is well-formed and unique. Identity's <c>RequireUniqueEmail</c> also refuses
/// a missing e-mail, but an account made by a provider that vouches for no address (Facebook, Kakao without a
/// verified one, Apple when hidden) has none, so that option is off and this validator does the check instead.
/// </summary>
internal sealed class UniqueEmailWhenPresentValidator(IdentityErrorDescriber describer) : IUserValidator<User>
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user)
    {
        var email = await manager.GetEmailAsync(user);
        if (email is null)
        {
            return IdentityResult.Success;
        }

        if (string.IsNullOrWhiteSpace(email) || !EmailFormat.IsValid(email))
        {
            return IdentityResult.Failed(describer.InvalidEmail(email));
        }

        var owner = await manager.FindByEmailAsync(email);
        return owner is not null && owner.Id != user.Id
            ? IdentityResult.Failed(describer.DuplicateEmail(email))
            : IdentityResult.Success;
    }
}
