using System.Security.Claims;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.LinkLogin;

internal sealed class LinkLoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/logins/{provider}", HandleAsync)
            .WithName("LinkLogin")
            .WithTags("Accounts")
            .WithSummary("Link a provider (proven by a fresh token from its SDK) to my account")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", AccountErrors.IncorrectPassword.Code)
            .ProducesErrors(StatusCodes.Status401Unauthorized, ExternalSignInErrors.TokenInvalid.Code)
            .ProducesErrors(StatusCodes.Status403Forbidden, ExternalSignInErrors.ReauthenticationRequired.Code)
            .ProducesErrors(
                StatusCodes.Status404NotFound,
                AccountErrors.UserNotFound.Code,
                ExternalSignInErrors.UnknownProvider.Code,
                ExternalSignInErrors.ProviderNotConfigured.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ExternalSignInErrors.LoginTaken.Code, ExternalSignInErrors.ProviderAlreadyLinked.Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, AccountErrors.LockedOut(TimeSpan.Zero).Code)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, ExternalSignInErrors.ProviderUnavailable.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        [WireValues(ExternalProviders.Facebook, ExternalProviders.Kakao, ExternalProviders.Apple, ExternalProviders.Google)] string provider, LinkLoginRequest request, ClaimsPrincipal user, IExternalTokenVerifier verifier, ISender sender, CancellationToken cancellationToken)
    {
        // Asked before the unit of work opens its transaction: no database connection is held while the provider answers.
        var identity = await verifier.CheckAndVerifyAsync(provider, request.Token, request.Nonce, cancellationToken);
        if (!identity.IsSuccess)
        {
            return identity.Error.ToProblem();
        }

        return (await sender.Send(new LinkLoginCommand(user.GetUserId(), user.GetSessionId(), identity.Value, request.CurrentPassword), cancellationToken)).ToNoContent();
    }
}
