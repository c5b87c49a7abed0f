using System.Security.Claims;
using ChatApp.Modules.Chat.Invites;

namespace ChatApp.Modules.Chat.Features.CreateInvite;

internal sealed class CreateInviteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Rooms + "/{roomId:guid}/invites", HandleAsync)
            .WithName("CreateInvite")
            .WithTags("Chat")
            .WithSummary("Make an invite link to a group room (owner or admin)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code, ChatErrors.TooManyInvites.Code);

    private static async Task<Results<Created<InviteResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, CreateInviteRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CreateInviteCommand(user.GetUserId(), roomId, request?.ExpiresInSeconds, request?.MaxUses), cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"{ChatRoutes.Invites}/{result.Value.Code}", result.Value) : result.Error.ToProblem();
    }
}
