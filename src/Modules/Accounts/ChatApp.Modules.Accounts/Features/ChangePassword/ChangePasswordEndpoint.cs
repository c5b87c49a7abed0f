using System.Security.Claims;
using Carter;
using ChatApp.BuildingBlocks.Results;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Accounts.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ChatApp.Modules.Accounts.Features.ChangePassword;

internal sealed class ChangePasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/password", HandleAsync)
            .WithName("ChangePassword")
            .WithTags("Accounts")
            .WithSummary("Change my password; signs out all my other devices")
            .RequireAuthorization()
            .ProducesValidationProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var command = new ChangePasswordCommand(user.GetUserId(), user.GetSessionId(), request.CurrentPassword, request.NewPassword);
        return (await sender.Send(command, cancellationToken)).ToNoContent();
    }
}
