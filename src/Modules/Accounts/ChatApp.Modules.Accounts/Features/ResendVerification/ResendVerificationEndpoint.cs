using System.Security.Claims;
using ChatApp.Modules.Accounts.Email;

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
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, EmailErrors.NoEmail.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, EmailErrors.AlreadyVerified.Code);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ResendVerificationCommand(user.GetUserId()), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }
}
