namespace ChatApp.Modules.Chat.Features.PreviewInvite;

internal sealed class PreviewInviteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Invites + "/{code}", HandleAsync)
            .WithName("PreviewInvite")
            .WithTags("Chat")
            .WithSummary("What an invite link leads to (no sign-in needed; rate-limited)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.InviteLookup)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.InviteNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.InviteRevoked.Code, ChatErrors.InviteExpired.Code, ChatErrors.InviteUsedUp.Code);

    private static async Task<Results<Ok<InvitePreviewResponse>, ProblemHttpResult>> HandleAsync(
        string code, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new PreviewInviteQuery(code), cancellationToken)).ToOk();
}
