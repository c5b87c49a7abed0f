using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Media.Storage;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media.Features.CleanUpMedia;

/// <summary>Prepares the storage and schedules the module's recurring job at startup.</summary>
internal sealed class MediaInitializer(IObjectStorage storage, IRecurringJobManager jobs, IOptions<MediaOptions> options) : IModuleInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken);
        jobs.AddOrUpdate<CleanUpMediaJob>(
            CleanUpMediaJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.CleanupCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
