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

namespace ChatApp.Modules.Accounts.Features.GetMyProfile;

internal sealed class GetMyProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(AccountsRoutes.Accounts + "/me", HandleAsync)
            .WithName("GetMyProfile")
            .WithTags("Accounts")
            .WithSummary("My profile")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<MyProfileResponse>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetMyProfileQuery(user.GetUserId()), cancellationToken)).ToOk();
}
