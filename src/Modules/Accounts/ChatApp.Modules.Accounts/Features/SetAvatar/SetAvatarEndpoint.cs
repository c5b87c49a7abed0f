using System.Security.Claims;
using ChatApp.Modules.Accounts.Profiles;

namespace ChatApp.Modules.Accounts.Features.SetAvatar;

internal sealed class SetAvatarEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(AccountsRoutes.Accounts + "/me/avatar", HandleAsync)
            .WithName("SetMyAvatar")
            .WithTags("Accounts")
            .WithSummary("Use one of my uploaded avatar images (POST /api/v1/media/images with purpose=avatar) as my avatar")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, AccountErrors.AvatarNotFound.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<Ok<AvatarResponse>, ProblemHttpResult>> HandleAsync(
        SetAvatarRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SetAvatarCommand(user.GetUserId(), request.MediaId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error.ToProblem();
    }
}
