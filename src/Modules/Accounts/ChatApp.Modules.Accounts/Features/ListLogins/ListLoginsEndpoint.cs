using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.ListLogins;

internal sealed class ListLoginsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(AccountsRoutes.Accounts + "/me/logins", HandleAsync)
            .WithName("ListLogins")
            .WithTags("Accounts")
            .WithSummary("My ways to sign in: whether I have a password, and my linked providers")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<Ok<SignInMethodsResponse>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListLoginsQuery(user.GetUserId()), cancellationToken)).ToOk();
}
