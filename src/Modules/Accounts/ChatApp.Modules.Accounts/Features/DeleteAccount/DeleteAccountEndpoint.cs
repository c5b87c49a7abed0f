using System.Security.Claims;
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
            .ProducesValidationProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        [FromBody] DeleteAccountRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteAccountCommand(user.GetUserId(), request.Password, request.Provider, request.Token, request.Nonce), cancellationToken)).ToNoContent();
}
