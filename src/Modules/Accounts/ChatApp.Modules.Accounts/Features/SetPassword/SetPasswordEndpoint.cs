using System.Security.Claims;

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
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        SetPasswordRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SetPasswordCommand(user.GetUserId(), user.GetSessionId(), request.NewPassword), cancellationToken)).ToNoContent();
}
