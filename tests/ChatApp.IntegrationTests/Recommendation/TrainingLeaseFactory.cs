using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Recommendation;

/// <summary>A host whose training lease is short (renewed every second) and whose stores and deletes run in tiny batches.</summary>
public sealed class TrainingLeaseFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Recommendation:TrainingLease", "00:00:03");
        builder.UseSetting("Recommendation:StoreBatch", "7");
        builder.UseSetting("Recommendation:KeepModelVersions", "2");
        builder.UseSetting("Recommendation:RecommendationsPerUser", "4");
    }
}
