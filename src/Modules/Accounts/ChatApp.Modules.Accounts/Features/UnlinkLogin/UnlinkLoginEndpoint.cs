using System.Security.Claims;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.UnlinkLogin;

internal sealed class UnlinkLoginEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(AccountsRoutes.Accounts + "/me/logins/{provider}", HandleAsync)
            .WithName("UnlinkLogin")
            .WithTags("Accounts")
            .WithSummary("Unlink a provider from my account; refused when it is my last way to sign in")
            .RequireAuthorization()
            .ProducesErrors(
                StatusCodes.Status404NotFound,
                ExternalSignInErrors.UnknownProvider.Code,
                AccountErrors.UserNotFound.Code,
                ExternalSignInErrors.LoginNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ExternalSignInErrors.LastSignInMethod.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        [WireValues(ExternalProviders.Facebook, ExternalProviders.Kakao, ExternalProviders.Apple, ExternalProviders.Google)] string provider, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UnlinkLoginCommand(user.GetUserId(), provider), cancellationToken)).ToNoContent();
}
