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
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes])
            .ProducesErrors(StatusCodes.Status401Unauthorized, AccountErrors.InvalidCredentials.Code)
            .ProducesErrors(StatusCodes.Status403Forbidden, AccountErrors.Banned.Code, AccountErrors.Suspended(DateTime.MinValue).Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, AccountErrors.LockedOut(TimeSpan.Zero).Code);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        LoginCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToOk();
}
