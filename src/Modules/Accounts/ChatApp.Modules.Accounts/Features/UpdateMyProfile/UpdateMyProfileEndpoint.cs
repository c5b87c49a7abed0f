using System.Security.Claims;
using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.UpdateMyProfile;

internal sealed class UpdateMyProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatch(AccountsRoutes.Accounts + "/me", HandleAsync)
            .WithName("UpdateMyProfile")
            .WithTags("Accounts")
            .WithSummary("Change my display name and/or bio")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes])
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<Ok<MyProfileResponse>, ProblemHttpResult>> HandleAsync(
        UpdateMyProfileRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateMyProfileCommand(user.GetUserId(), request.DisplayName, request.Bio), cancellationToken)).ToOk();
}
