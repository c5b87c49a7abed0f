using System.Security.Claims;
using ChatApp.Modules.Accounts.Deletion;
using ChatApp.Modules.Accounts.External;
using Microsoft.AspNetCore.Mvc;

namespace ChatApp.Modules.Accounts.Features.DeleteAccount;

internal sealed class DeleteAccountEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(AccountsRoutes.Accounts + "/me", HandleAsync)
            .WithName("DeleteAccount")
            .WithTags("Accounts")
            .WithSummary("Delete my account for good: every device is signed out at once and my personal data is erased in every module")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                "validation_failed",
                AccountErrors.IncorrectPassword.Code,
                DeletionErrors.PasswordRequired.Code,
                DeletionErrors.ProviderTokenRequired.Code)
            .ProducesErrors(StatusCodes.Status401Unauthorized, ExternalSignInErrors.TokenInvalid.Code)
            .ProducesErrors(
                StatusCodes.Status403Forbidden,
                ExternalSignInErrors.ReauthenticationRequired.Code,
                DeletionErrors.ExternalLoginMismatch.Code)
            .ProducesErrors(
                StatusCodes.Status404NotFound,
                AccountErrors.UserNotFound.Code,
                ExternalSignInErrors.UnknownProvider.Code,
                ExternalSignInErrors.ProviderNotConfigured.Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, AccountErrors.LockedOut(TimeSpan.Zero).Code)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, ExternalSignInErrors.ProviderUnavailable.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        [FromBody] DeleteAccountRequest request, ClaimsPrincipal user, IExternalTokenVerifier verifier, ISender sender, CancellationToken cancellationToken)
    {
        ExternalIdentity? identity = null;
        if (request.Password is null && (request.Provider is not null || request.Token is not null))
        {
            // Asked before the unit of work opens its transaction: no database connection is held while the provider answers.
            var verified = await verifier.CheckAndVerifyAsync(request.Provider ?? "", request.Token, request.Nonce, cancellationToken);
            if (!verified.IsSuccess)
            {
                return verified.Error.ToProblem();
            }

            identity = verified.Value;
        }

        return (await sender.Send(new DeleteAccountCommand(user.GetUserId(), user.GetSessionId(), request.Password, identity), cancellationToken)).ToNoContent();
    }
}
