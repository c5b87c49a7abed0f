using System.Security.Claims;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ConfirmEmailChange;

internal sealed class ConfirmEmailChangeEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/email/confirm", HandleAsync)
            .WithName("ConfirmEmailChange")
            .WithTags("Accounts")
            .WithSummary("Confirm my new e-mail address with the code or link token mailed to it; the change takes effect now")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.EmailToken)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", EmailErrors.TokenInvalid.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, AccountErrors.EmailTaken.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ConfirmEmailChangeRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ConfirmEmailChangeCommand(user.GetUserId(), request.Token), cancellationToken)).ToNoContent();
}
