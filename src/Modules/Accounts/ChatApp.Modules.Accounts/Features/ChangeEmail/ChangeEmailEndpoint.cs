using System.Security.Claims;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ChangeEmail;

internal sealed class ChangeEmailEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/email", HandleAsync)
            .WithName("ChangeEmail")
            .WithTags("Accounts")
            .WithSummary("Ask to change my e-mail address: a code goes to the new address, which takes effect once confirmed")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.EmailSend)
            .ProducesValidationProblem()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                "validation_failed",
                UserText.InvalidUnicodeCode,
                AccountErrors.IncorrectPassword.Code,
                EmailErrors.SameEmail.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, AccountErrors.EmailTaken.Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, AccountErrors.LockedOut(TimeSpan.Zero).Code);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        ChangeEmailRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ChangeEmailCommand(user.GetUserId(), request.NewEmail, request.Password), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }
}
