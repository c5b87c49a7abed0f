using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.UnlinkLogin;

internal sealed class UnlinkLoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(AccountsRoutes.Accounts + "/me/logins/{provider}", HandleAsync)
            .WithName("UnlinkLogin")
            .WithTags("Accounts")
            .WithSummary("Unlink a provider from my account; refused when it is my last way to sign in")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string provider, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UnlinkLoginCommand(user.GetUserId(), provider), cancellationToken)).ToNoContent();
}
