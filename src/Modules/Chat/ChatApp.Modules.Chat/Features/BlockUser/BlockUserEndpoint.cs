using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.BlockUser;

internal sealed class BlockUserEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPut(ChatRoutes.Chat + "/blocks/{userId:guid}", BlockAsync)
            .WithName("BlockUser")
            .WithTags("Chat")
            .WithSummary("Block a user: no direct room and no direct messages between us until I unblock")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDelete(ChatRoutes.Chat + "/blocks/{userId:guid}", UnblockAsync)
            .WithName("UnblockUser")
            .WithTags("Chat")
            .WithSummary("Unblock a user")
            .RequireAuthorization();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> BlockAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new BlockUserCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> UnblockAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UnblockUserCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();
}
