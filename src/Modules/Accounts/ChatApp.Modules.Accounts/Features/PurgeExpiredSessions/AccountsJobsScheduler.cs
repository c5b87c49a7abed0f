using ChatApp.BuildingBlocks.Persistence;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.PurgeExpiredSessions;

/// <summary>Schedules the module's recurring jobs at startup (idempotent: Hangfire updates the existing schedule).</summary>
internal sealed class AccountsJobsScheduler(IRecurringJobManager jobs, IOptions<AccountsMaintenanceOptions> options) : IModuleInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<PurgeExpiredSessionsJob>(
            PurgeExpiredSessionsJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }
}
