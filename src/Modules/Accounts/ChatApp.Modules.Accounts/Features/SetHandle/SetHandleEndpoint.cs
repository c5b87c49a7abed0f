using System.Security.Claims;
using ChatApp.Modules.Accounts.People;
using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.SetHandle;

internal sealed class SetHandleEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(AccountsRoutes.Accounts + "/me/handle", HandleAsync)
            .WithName("SetHandle")
            .WithTags("Accounts")
            .WithSummary("Choose or change my @handle (unique without regard to case; changes wait for a cooldown)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", PeopleErrors.HandleInvalidCode, PeopleErrors.HandleReservedCode)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, PeopleErrors.HandleTaken.Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, PeopleErrors.HandleCooldown(TimeSpan.Zero).Code);

    private static async Task<Results<Ok<MyProfileResponse>, ProblemHttpResult>> HandleAsync(
        SetHandleRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SetHandleCommand(user.GetUserId(), request.Handle ?? ""), cancellationToken)).ToOk();
}
