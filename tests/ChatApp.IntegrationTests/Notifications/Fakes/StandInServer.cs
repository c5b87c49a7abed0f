using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering every request with one handler.</summary>
internal static class StandInServer
{
    /// <summary>Starts it; without <paramref name="certificate"/> plain HTTP/1.1, with it HTTPS and HTTP/2 only (as APNs).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(RequestDelegate handle, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        return (app, address);
    }
}
