namespace ChatApp.IntegrationTests.Accounts.External.Fakes;

/// <summary>What an Apple or Google ID token says; <see cref="FakeOpenIdProvider.Claims"/> gives a valid set to vary with <c>with</c>.</summary>
/// <param name="Audience">One client id, or several (a string array), as <c>aud</c>.</param>
/// <param name="EmailVerified">As the provider sends it: a bool, the string "true"/"false", or null for absent.</param>
public sealed record IdTokenClaims(
    string Subject,
    string Issuer,
    object Audience,
    DateTimeOffset Expires,
    string? Nonce = null,
    string? Email = null,
    object? EmailVerified = null,
    string? Name = null,
    string? Picture = null);
