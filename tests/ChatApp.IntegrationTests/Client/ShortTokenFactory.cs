using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Client;

/// <summary>A host whose access tokens expire after 2 seconds, so a client must refresh during a test.</summary>
public sealed class ShortTokenFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Jwt:AccessTokenLifetime", "00:00:02");
    }
}
