using System.Security.Claims;
using Carter;
using ChatApp.BuildingBlocks.Results;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Accounts.Features.GetMyProfile;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ChatApp.Modules.Accounts.Features.UpdateMyProfile;

internal sealed class UpdateMyProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatch(AccountsRoutes.Accounts + "/me", HandleAsync)
            .WithName("UpdateMyProfile")
            .WithTags("Accounts")
            .WithSummary("Change my display name and/or bio")
            .RequireAuthorization()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<MyProfileResponse>, ProblemHttpResult>> HandleAsync(
        UpdateMyProfileRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateMyProfileCommand(user.GetUserId(), request.DisplayName, request.Bio), cancellationToken)).ToOk();
}
