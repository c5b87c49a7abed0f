using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>
/// The host for deletion tests: a score is published from two ratings (so a test can watch one recomputed), sessions
/// are checked every 4 s, and no sign-in provider is configured (the provider path must then answer 404).
/// </summary>
public class DeletionFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Recommendation:MinimumRatings", "2");
        // Chat's second erase pass runs two session checks after the first: long enough for a test to slip a message in.
        builder.UseSetting("Chat:SessionCheckInterval", "00:00:04");
    }
}
