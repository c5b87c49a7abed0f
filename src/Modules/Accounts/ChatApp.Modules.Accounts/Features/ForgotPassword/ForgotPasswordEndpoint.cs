namespace ChatApp.Modules.Accounts.Features.ForgotPassword;

internal sealed class ForgotPasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/password/forgot", HandleAsync)
            .WithName("ForgotPassword")
            .WithTags("Accounts")
            .WithSummary("Mail a password reset code and link to the address, if it has an account (the answer is the same either way)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.EmailSend, RateLimitAccount.Email("email"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", UserText.InvalidUnicodeCode);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        ForgotPasswordCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }
}
