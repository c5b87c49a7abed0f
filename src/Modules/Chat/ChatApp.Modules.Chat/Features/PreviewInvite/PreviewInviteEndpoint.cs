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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<InvitePreviewResponse>, ProblemHttpResult>> HandleAsync(
        string code, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new PreviewInviteQuery(code), cancellationToken)).ToOk();
}
