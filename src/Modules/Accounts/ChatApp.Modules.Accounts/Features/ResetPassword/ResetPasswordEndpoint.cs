using ChatApp.Modules.Accounts.Email;
namespace ChatApp.Modules.Accounts.Features.ResetPassword;

internal sealed class ResetPasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/password/reset", HandleAsync)
            .WithName("ResetPassword")
            .WithTags("Accounts")
            .WithSummary("Set a new password with the code or link token of a reset mail; signs out every device")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.EmailToken, RateLimitAccount.Email("email"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", UserText.InvalidUnicodeCode, EmailErrors.TokenInvalid.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ResetPasswordCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToNoContent();
}
