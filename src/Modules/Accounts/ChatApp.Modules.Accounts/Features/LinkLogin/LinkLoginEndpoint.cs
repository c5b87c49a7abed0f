using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.LinkLogin;

internal sealed class LinkLoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/me/logins/{provider}", HandleAsync)
            .WithName("LinkLogin")
            .WithTags("Accounts")
            .WithSummary("Link a provider (proven by a fresh token from its SDK) to my account")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string provider, LinkLoginRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new LinkLoginCommand(user.GetUserId(), provider, request.Token, request.Nonce), cancellationToken)).ToNoContent();
}
