using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.External;

/// <summary>Routes a token to its provider's check, after making sure the provider exists and is configured.</summary>
internal sealed class ExternalTokenVerifier(
    IOptions<ExternalSignInOptions> options,
    FacebookTokenVerifier facebook,
    KakaoTokenVerifier kakao,
    OpenIdTokenValidator openId) : IExternalTokenVerifier
{
    public async Task<Result<ExternalIdentity>> VerifyAsync(string provider, string token, string? nonce, CancellationToken cancellationToken)
    {
        if (Check(provider) is { } error)
        {
            return error;
        }

        var settings = options.Value;
        return provider switch
        {
            ExternalProviders.Facebook => await facebook.VerifyAsync(token, cancellationToken),
            ExternalProviders.Kakao => await kakao.VerifyAsync(token, cancellationToken),
            ExternalProviders.Apple => await openId.ValidateAsync(provider, settings.Apple, token, nonce, nonceIsHashed: true, cancellationToken),
            _ => await openId.ValidateAsync(provider, settings.Google, token, nonce, nonceIsHashed: false, cancellationToken),
        };
    }

    /// <summary>Null when <paramref name="provider"/> is a known, configured provider; else the error to answer.</summary>
    public Error? Check(string provider)
    {
        var settings = options.Value;
        bool? configured = provider switch
        {
            ExternalProviders.Facebook => settings.Facebook.IsConfigured,
            ExternalProviders.Kakao => settings.Kakao.IsConfigured,
            ExternalProviders.Apple => settings.Apple.IsConfigured,
            ExternalProviders.Google => settings.Google.IsConfigured,
            _ => null,
        };
        return configured switch
        {
            null => ExternalSignInErrors.UnknownProvider,
            false => ExternalSignInErrors.ProviderNotConfigured,
            true => null,
        };
    }
}
