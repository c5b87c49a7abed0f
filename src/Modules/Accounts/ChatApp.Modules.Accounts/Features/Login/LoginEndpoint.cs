namespace ChatApp.Modules.Accounts.Features.Login;

internal sealed class LoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/login", HandleAsync)
            .WithName("Login")
            .WithTags("Accounts")
            .WithSummary("Sign in: returns an access token and the first refresh token of a new device session")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Login, RateLimitAccount.Email("email"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        LoginCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToOk();
}
