using System.Security.Claims;
using ChatApp.Modules.Accounts.Deletion;

namespace ChatApp.Modules.Accounts.Features.AdminDeleteAccount;

internal sealed class AdminDeleteAccountEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(AccountsRoutes.AdminAccounts + "/{userId:guid}", HandleAsync)
            .WithName("AdminDeleteAccount")
            .WithTags("Admin")
            .WithSummary("Delete an account as an administrator (audit-logged); admin bearer token or admin cookie")
            .RequireAuthorization(AuthorizationPolicies.Admin)
            .ProducesErrors(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, DeletionErrors.UseOwnDeletion.Code, DeletionErrors.LastAdmin.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new AdminDeleteAccountCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();
}
