using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.ResendVerification;

internal sealed class ResendVerificationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/email/verification", HandleAsync)
            .WithName("ResendVerification")
            .WithTags("Accounts")
            .WithSummary("Mail my address a new verification code and link")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.EmailSend)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResendVerificationCommand(user.GetUserId()), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }
}
