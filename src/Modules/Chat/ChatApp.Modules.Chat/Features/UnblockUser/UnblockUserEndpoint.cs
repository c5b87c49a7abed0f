using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.UnblockUser;

internal sealed class UnblockUserEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(ChatRoutes.Chat + "/blocks/{userId:guid}", HandleAsync)
            .WithName("UnblockUser")
            .WithTags("Chat")
            .WithSummary("Unblock a user")
            .RequireAuthorization();

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UnblockUserCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();
}
