namespace ChatApp.Modules.Accounts.Features.Refresh;

internal sealed class RefreshEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/refresh", HandleAsync)
            .WithName("Refresh")
            .WithTags("Accounts")
            .WithSummary("Exchange a refresh token (single use) for a new access token and refresh token")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        RefreshCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToOk();
}
