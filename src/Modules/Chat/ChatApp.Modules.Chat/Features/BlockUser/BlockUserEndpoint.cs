using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.BlockUser;

internal sealed class BlockUserEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(ChatRoutes.Chat + "/blocks/{userId:guid}", HandleAsync)
            .WithName("BlockUser")
            .WithTags("Chat")
            .WithSummary("Block a user: no direct room and no direct messages between us until I unblock")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.UserNotFound.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new BlockUserCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();
}
