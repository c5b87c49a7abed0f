namespace ChatApp.Modules.Chat.Features.GetInviteQrCode;

internal sealed class GetInviteQrCodeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(ChatRoutes.Invites + "/{code}/qr.png", (string code, ISender sender, CancellationToken cancellationToken) =>
                HandleAsync(code, QrCodeFormat.Png, sender, cancellationToken))
            .WithName("GetInviteQrCodePng")
            .WithTags("Chat")
            .WithSummary("The QR code of an invite link, as PNG (no sign-in needed; rate-limited)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.InviteLookup)
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.InviteNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.InviteRevoked.Code, ChatErrors.InviteExpired.Code, ChatErrors.InviteUsedUp.Code);
        app.MapGet(ChatRoutes.Invites + "/{code}/qr.svg", (string code, ISender sender, CancellationToken cancellationToken) =>
                HandleAsync(code, QrCodeFormat.Svg, sender, cancellationToken))
            .WithName("GetInviteQrCodeSvg")
            .WithTags("Chat")
            .WithSummary("The QR code of an invite link, as SVG (no sign-in needed; rate-limited)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.InviteLookup)
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.InviteNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.InviteRevoked.Code, ChatErrors.InviteExpired.Code, ChatErrors.InviteUsedUp.Code);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        string code, QrCodeFormat format, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetInviteQrCodeQuery(code, format), cancellationToken);
        return result.IsSuccess ? TypedResults.File(result.Value.Content, result.Value.ContentType) : result.Error.ToProblem();
    }
}
