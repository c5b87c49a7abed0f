using System.Security.Claims;
using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.GetMyProfile;

internal sealed class GetMyProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(AccountsRoutes.Accounts + "/me", HandleAsync)
            .WithName("GetMyProfile")
            .WithTags("Accounts")
            .WithSummary("My profile")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<Ok<MyProfileResponse>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetMyProfileQuery(user.GetUserId()), cancellationToken)).ToOk();
}
