using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.RemoveAvatar;

internal sealed class RemoveAvatarEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(AccountsRoutes.Accounts + "/me/avatar", HandleAsync)
            .WithName("RemoveMyAvatar")
            .WithTags("Accounts")
            .WithSummary("Remove my avatar")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveAvatarCommand(user.GetUserId()), cancellationToken)).ToNoContent();
}
