namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Who a provider says the token belongs to, after the token was verified with that provider.
/// <see cref="Email"/> is set only when the provider vouches that the address is verified (Facebook never does).
/// </summary>
/// <param name="Provider">One of <see cref="ExternalProviders"/>.</param>
/// <param name="Subject">The provider's stable id of the person (Apple/Google <c>sub</c>, Facebook/Kakao user id).</param>
internal sealed record ExternalIdentity(string Provider, string Subject, string? Email, string? DisplayName, Uri? PictureUrl);
