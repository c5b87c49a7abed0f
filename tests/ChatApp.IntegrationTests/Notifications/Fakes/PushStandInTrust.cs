using System.Security.Cryptography;
using ChatApp.Modules.Notifications.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>Makes a host trust <see cref="FakeApnsServer"/>'s self-signed certificate, in tests only.</summary>
public static class PushStandInTrust
{
    /// <summary>
    /// Re-configures the "apns" HTTP client's primary handler (the last configuration wins) with the same HTTP/2 settings
    /// and a certificate check that accepts exactly the stand-in's certificate (pinned by its SHA-256). In-process hosts
    /// only; a host process gets <see cref="FakeApnsServer.EnvironmentVariables"/> (SSL_CERT_FILE) instead.
    /// </summary>
    public static IServiceCollection TrustApnsStandIn(this IServiceCollection services, FakeApnsServer apns)
    {
        var pinned = apns.CertificateSha256;
        services.AddHttpClient(PushHttpClients.Apns).ConfigurePrimaryHttpMessageHandler(() =>
        {
            var handler = PushHttpClients.CreateApnsHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase);
            return handler;
        });
        return services;
    }
}
