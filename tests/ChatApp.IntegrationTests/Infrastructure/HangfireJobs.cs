using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>What Hangfire holds of some jobs, by state: for tests that must know a background job has run.</summary>
public static class HangfireJobs
{
    /// <summary>The jobs of type <typeparamref name="TJob"/> whose first argument is <paramref name="firstArgument"/>, each once, with its state.</summary>
    public static List<(string Id, string State)> Of<TJob>(IServiceProvider services, object firstArgument)
    {
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        bool Mine(Job? job) => job?.Type == typeof(TJob) && job.Args.Count > 0 && Equals(job.Args[0], firstArgument);
        var jobs = new List<(string, string)>();
        jobs.AddRange(monitoring.ScheduledJobs(0, 1000).Where(j => Mine(j.Value.Job)).Select(j => (j.Key, "Scheduled")));
        jobs.AddRange(monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, 1000)).Where(j => Mine(j.Value.Job)).Select(j => (j.Key, "Enqueued")));
        jobs.AddRange(monitoring.ProcessingJobs(0, 1000).Where(j => Mine(j.Value.Job)).Select(j => (j.Key, "Processing")));
        jobs.AddRange(monitoring.SucceededJobs(0, 1000).Where(j => Mine(j.Value.Job)).Select(j => (j.Key, "Succeeded")));
        jobs.AddRange(monitoring.FailedJobs(0, 1000).Where(j => Mine(j.Value.Job)).Select(j => (j.Key, "Failed")));
        return jobs.DistinctBy(j => j.Item1).ToList();
    }
}
