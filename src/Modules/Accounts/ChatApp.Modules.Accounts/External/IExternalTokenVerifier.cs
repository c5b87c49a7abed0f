using ChatApp.BuildingBlocks.Results;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Verifies a token a provider's SDK gave the app, with that provider. Failures are results: an unknown or unconfigured
/// provider, a token the provider refuses (401 <c>external_token_invalid</c>), or a provider that cannot be reached
/// (503, nothing may be created).
/// </summary>
internal interface IExternalTokenVerifier
{
    /// <param name="provider">The route value, one of <see cref="ExternalProviders"/>.</param>
    /// <param name="token">Facebook/Kakao access token, or Apple/Google ID token.</param>
    /// <param name="nonce">The raw nonce the app used (Apple: the token carries its SHA-256 hex; Google: as passed).</param>
    Task<Result<ExternalIdentity>> VerifyAsync(string provider, string token, string? nonce, CancellationToken cancellationToken);
}
