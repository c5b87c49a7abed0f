using System.Security.Claims;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.DeactivateAccount;

internal sealed class DeactivateAccountEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/deactivate", HandleAsync)
            .WithName("DeactivateAccount")
            .WithTags("Accounts")
            .WithSummary("Deactivate my account: signs out every device and hides me from others until I sign in again")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", AccountErrors.IncorrectPassword.Code)
            .ProducesErrors(StatusCodes.Status403Forbidden, ExternalSignInErrors.ReauthenticationRequired.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, AccountErrors.LockedOut(TimeSpan.Zero).Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        DeactivateAccountRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DeactivateAccountCommand(user.GetUserId(), user.GetSessionId(), request.Password), cancellationToken)).ToNoContent();
}
