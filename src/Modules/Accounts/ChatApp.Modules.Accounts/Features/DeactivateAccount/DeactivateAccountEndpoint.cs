using System.Security.Claims;

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
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        DeactivateAccountRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DeactivateAccountCommand(user.GetUserId(), user.GetSessionId(), request.Password), cancellationToken)).ToNoContent();
}
