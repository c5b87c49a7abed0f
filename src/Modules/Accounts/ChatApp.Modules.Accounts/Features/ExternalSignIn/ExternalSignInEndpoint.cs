using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.ExternalSignIn;

internal sealed class ExternalSignInEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/external/{provider}", HandleAsync)
            .WithName("ExternalSignIn")
            .WithTags("Accounts")
            .WithSummary("Sign in with Facebook, Kakao, Apple or Google: creates the account the first time (201), then signs in (200)")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes])
            .ProducesErrors(StatusCodes.Status401Unauthorized, ExternalSignInErrors.TokenInvalid.Code)
            .ProducesErrors(StatusCodes.Status403Forbidden, AccountErrors.Banned.Code, AccountErrors.Suspended(DateTime.MinValue).Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ExternalSignInErrors.UnknownProvider.Code, ExternalSignInErrors.ProviderNotConfigured.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ExternalSignInErrors.AccountExists.Code)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, ExternalSignInErrors.ProviderUnavailable.Code);

    private static async Task<Results<Ok<TokenResponse>, Created<TokenResponse>, ProblemHttpResult>> HandleAsync(
        [WireValues(ExternalProviders.Facebook, ExternalProviders.Kakao, ExternalProviders.Apple, ExternalProviders.Google)] string provider, ExternalSignInRequest request, IExternalTokenVerifier verifier, ISender sender, CancellationToken cancellationToken)
    {
        // Asked before the unit of work opens its transaction: no database connection is held while the provider answers.
        var identity = await verifier.CheckAndVerifyAsync(provider, request.Token, request.Nonce, cancellationToken);
        if (!identity.IsSuccess)
        {
            return identity.Error.ToProblem();
        }

        var command = new ExternalSignInCommand(identity.Value, request.Name, request.DeviceName);
        var result = await sender.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        return result.Value.Created
            ? TypedResults.Created($"{AccountsRoutes.Users}/{result.Value.UserId}", result.Value.Tokens)
            : TypedResults.Ok(result.Value.Tokens);
    }
}
