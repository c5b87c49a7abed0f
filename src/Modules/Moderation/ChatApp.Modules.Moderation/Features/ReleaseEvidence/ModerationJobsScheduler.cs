using ChatApp.BuildingBlocks.Persistence;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Moderation.Features.ReleaseEvidence;

/// <summary>Schedules the module's recurring job at startup (idempotent: Hangfire updates the existing schedule).</summary>
internal sealed class ModerationJobsScheduler(IRecurringJobManager jobs, IOptions<ModerationOptions> options) : IModuleInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<ReleaseEvidenceJob>(
            ReleaseEvidenceJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.EvidenceReleaseCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }
}
