using ChatApp.Modules.Accounts.People;
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
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                ["validation_failed", .. TextValidationRules.SafeNameCodes, PeopleErrors.HandleInvalidCode, PeopleErrors.HandleReservedCode])
            .ProducesErrors(StatusCodes.Status409Conflict, AccountErrors.EmailTaken.Code, PeopleErrors.HandleTaken.Code);

    private static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> HandleAsync(
        RegisterCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{AccountsRoutes.Users}/{result.Value.UserId}", result.Value)
            : result.Error.ToProblem();
    }
}
