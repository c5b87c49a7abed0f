using System.Security.Claims;
using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.SetDiscoverability;

internal sealed class SetDiscoverabilityEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(AccountsRoutes.Accounts + "/me/discoverability", HandleAsync)
            .WithName("SetDiscoverability")
            .WithTags("Accounts")
            .WithSummary("Whether people search finds me by name and handle prefix (true) or only by my exact handle (false)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<Ok<MyProfileResponse>, ProblemHttpResult>> HandleAsync(
        SetDiscoverabilityRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SetDiscoverabilityCommand(user.GetUserId(), request.Discoverable), cancellationToken)).ToOk();
}
