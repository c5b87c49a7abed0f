using System.Security.Claims;
using ChatApp.Modules.Chat.Invites;

namespace ChatApp.Modules.Chat.Features.CreatePersonalInvite;

internal sealed class CreatePersonalInviteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Invites + "/personal", HandleAsync)
            .WithName("CreatePersonalInvite")
            .WithTags("Chat")
            .WithSummary("Make a personal link: whoever uses it gets a direct chat with me")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.TooManyInvites.Code);

    private static async Task<Results<Created<InviteResponse>, ProblemHttpResult>> HandleAsync(
        CreatePersonalInviteRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CreatePersonalInviteCommand(user.GetUserId(), request?.ExpiresInSeconds, request?.MaxUses), cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"{ChatRoutes.Invites}/{result.Value.Code}", result.Value) : result.Error.ToProblem();
    }
}
