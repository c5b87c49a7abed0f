using ChatApp.Modules.Accounts.Email;
namespace ChatApp.Modules.Accounts.Features.VerifyEmail;

internal sealed class VerifyEmailEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/email/verify", HandleAsync)
            .WithName("VerifyEmail")
            .WithTags("Accounts")
            .WithSummary("Verify an e-mail address with the code or link token mailed to it")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.EmailToken, RateLimitAccount.Email("email"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", UserText.InvalidUnicodeCode, EmailErrors.TokenInvalid.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        VerifyEmailCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToNoContent();
}
