using System.Security.Claims;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.SetPassword;

internal sealed class SetPasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(AccountsRoutes.Accounts + "/me/password", HandleAsync)
            .WithName("SetPassword")
            .WithTags("Accounts")
            .WithSummary("Set a first password on an account made by a provider (change an existing one with POST)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status403Forbidden, ExternalSignInErrors.ReauthenticationRequired.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ExternalSignInErrors.PasswordAlreadySet.Code, ExternalSignInErrors.EmailRequired.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        SetPasswordRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SetPasswordCommand(user.GetUserId(), user.GetSessionId(), request.NewPassword), cancellationToken)).ToNoContent();
}
