using System.Security.Claims;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.LinkLogin;

internal sealed class LinkLoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/logins/{provider}", HandleAsync)
            .WithName("LinkLogin")
            .WithTags("Accounts")
            .WithSummary("Link a provider (proven by a fresh token from its SDK) to my account")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string provider, LinkLoginRequest request, ClaimsPrincipal user, IExternalTokenVerifier verifier, ISender sender, CancellationToken cancellationToken)
    {
        // Asked before the unit of work opens its transaction: no database connection is held while the provider answers.
        var identity = await verifier.CheckAndVerifyAsync(provider, request.Token, request.Nonce, cancellationToken);
        if (!identity.IsSuccess)
        {
            return identity.Error.ToProblem();
        }

        return (await sender.Send(new LinkLoginCommand(user.GetUserId(), user.GetSessionId(), identity.Value, request.CurrentPassword), cancellationToken)).ToNoContent();
    }
}
