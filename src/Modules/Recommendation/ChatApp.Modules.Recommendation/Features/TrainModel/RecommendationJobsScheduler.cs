using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Recommendation.Model;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.TrainModel;

/// <summary>Schedules the module's recurring job at startup.</summary>
internal sealed class RecommendationJobsScheduler(IRecurringJobManager jobs, IOptions<RecommendationOptions> options) : IModuleInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<TrainModelJob>(TrainModelJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.Value.TrainingCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }
}
