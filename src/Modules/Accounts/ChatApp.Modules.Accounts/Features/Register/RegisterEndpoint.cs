namespace ChatApp.Modules.Accounts.Features.Register;

internal sealed class RegisterEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/register", HandleAsync)
            .WithName("Register")
            .WithTags("Accounts")
            .WithSummary("Create an account with e-mail and password")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Register, RateLimitAccount.Email("email"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> HandleAsync(
        RegisterCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{AccountsRoutes.Users}/{result.Value.UserId}", result.Value)
            : result.Error.ToProblem();
    }
}
