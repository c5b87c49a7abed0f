using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.ChangePassword;

internal sealed class ChangePasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/password", HandleAsync)
            .WithName("ChangePassword")
            .WithTags("Accounts")
            .WithSummary("Change my password; signs out all my other devices")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var command = new ChangePasswordCommand(user.GetUserId(), user.GetSessionId(), request.CurrentPassword, request.NewPassword);
        return (await sender.Send(command, cancellationToken)).ToNoContent();
    }
}
