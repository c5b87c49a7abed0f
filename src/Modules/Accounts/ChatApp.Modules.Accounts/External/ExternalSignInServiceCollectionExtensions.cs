using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.External;

internal static class ExternalSignInServiceCollectionExtensions
{
    /// <summary>
    /// The provider checks behind <see cref="IExternalTokenVerifier"/>, with named HTTP clients whose timeout is
    /// <see cref="ExternalSignInOptions.Timeout"/> and that log nothing (their URLs and headers carry users' tokens).
    /// </summary>
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services)
    {
        services.AddOptions<ExternalSignInOptions>().BindConfiguration(ExternalSignInOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExternalSignInOptions>, ExternalSignInOptionsValidator>();
        foreach (var name in new[] { JwksCache.HttpClientName, FacebookTokenVerifier.HttpClientName, KakaoTokenVerifier.HttpClientName })
        {
            services.AddHttpClient(name)
                .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<ExternalSignInOptions>>().Value.Timeout)
                .RemoveAllLoggers();
        }

        // Pictures: redirects are followed by ProviderPictures itself, each checked against the provider's origins, and
        // connections go to public addresses only (PictureAddresses).
        services.AddHttpClient(ProviderPictures.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<ExternalSignInOptions>>().Value.PictureTimeout)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var allowPrivate = provider.GetRequiredService<IOptions<ExternalSignInOptions>>().Value.PicturesFromPrivateAddresses;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    ConnectCallback = (context, cancellationToken) => PictureAddresses.ConnectAsync(context, allowPrivate, cancellationToken),
                };
            })
            .RemoveAllLoggers();
        services.AddSingleton<ProviderPictures>();
        services.AddSingleton<JwksCache>();
        services.AddScoped<Auth.Reauthentication>();
        services.AddSingleton<OpenIdTokenValidator>();
        services.AddSingleton<FacebookTokenVerifier>();
        services.AddSingleton<KakaoTokenVerifier>();
        services.AddSingleton<ExternalTokenVerifier>();
        services.AddSingleton<IExternalTokenVerifier>(provider => provider.GetRequiredService<ExternalTokenVerifier>());
        return services;
    }
}
