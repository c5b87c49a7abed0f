using ChatApp.BuildingBlocks.Results;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Recommendation.Domain;
using ChatApp.Modules.Recommendation.Features.TrainModel;
using ChatApp.Modules.Recommendation.Persistence;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Recommendation;

/// <summary>One training at a time across instances (the lease in the database), batched storing and dropping of versions.</summary>
public sealed class TrainingLeaseTests(TrainingLeaseFactory factory) : IntegrationTest<TrainingLeaseFactory>(factory)
{
    [Fact]
    public async Task A_training_while_another_holds_the_lease_does_not_start_and_an_expired_lease_is_taken_over()
    {
        var people = await PeopleWithRatingsAsync(8);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            db.TrainingLeases.Add(new TrainingLease { Holder = Guid.NewGuid(), ExpiresAt = DateTime.UtcNow.AddMinutes(1) });
            db.ModelVersions.Add(new ModelVersion { Status = ModelStatus.Training, StartedAt = DateTime.UtcNow.AddHours(-1) }); // a run whose instance died
            await db.SaveChangesAsync();
        }

        var refused = await TrainAsync();
        Assert.False(refused.IsSuccess);
        Assert.Equal("recommendation.training_in_progress", refused.Error!.Code);
        Assert.Equal(1, await VersionCountAsync()); // nothing started

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            await db.TrainingLeases.ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        var trained = await TrainAsync();
        Assert.True(trained.IsSuccess);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            var versions = await db.ModelVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
            Assert.Equal([ModelStatus.Failed, ModelStatus.Complete], versions.Select(v => v.Status));
            Assert.StartsWith("Abandoned", versions[0].Error);
            var lease = await db.TrainingLeases.AsNoTracking().SingleAsync();
            Assert.Null(lease.Holder); // released at the end
            var stored = await db.RecommendedUsers.AsNoTracking().Where(r => r.ModelVersionId == trained.Value.Id).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored.GroupBy(r => r.RaterId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(r => r.Rank).Order()));
            Assert.All(stored.GroupBy(r => r.RaterId), g => Assert.InRange(g.Count(), 1, 4)); // only the top N per person
            Assert.All(stored, r => Assert.NotEqual(r.RaterId, r.RateeId));
            Assert.True(stored.Count > 7); // more than one insert batch
            Assert.All(stored, r => Assert.Contains(r.RaterId, people));
        }
    }

    [Fact]
    public async Task Concurrent_trainings_from_commands_and_the_Hangfire_job_never_overlap_and_old_versions_are_dropped_in_batches()
    {
        await PeopleWithRatingsAsync(10);
        var jobs = Factory.Services.GetRequiredService<IRecurringJobManager>();
        jobs.Trigger(TrainModelJob.RecurringJobId);
        jobs.Trigger(TrainModelJob.RecurringJobId);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(TrainAsync)));
        // A triggered Hangfire run may hold the lease through all four commands: then it is the one that trains (below).
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("recommendation.training_in_progress", r.Error!.Code));

        // Both Hangfire runs end (trained or skipped, never failed).
        var monitor = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.Async(() => Task.FromResult(monitor.SucceededListCount() >= 2 && monitor.ProcessingCount() == 0 && monitor.EnqueuedCount("default") == 0),
            TimeSpan.FromSeconds(90), "both triggered training jobs succeed");
        Assert.Equal(0, monitor.FailedCount());

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            var runs = await db.ModelVersions.AsNoTracking().OrderBy(v => v.StartedAt).ToListAsync();
            Assert.NotEmpty(runs); // of the six concurrent attempts, at least one trained
            Assert.True(runs.Count >= results.Count(r => r.IsSuccess));
            Assert.All(runs, v => Assert.Equal(ModelStatus.Complete, v.Status));
            for (var n = 1; n < runs.Count; n++)
            {
                Assert.True(runs[n].StartedAt >= runs[n - 1].FinishedAt, "two trainings overlapped");
            }
        }

        // Enough runs that older versions are dropped: only the newest two stay, with their rows; none of the old rows.
        for (var n = 0; n < 3; n++)
        {
            Assert.True((await TrainAsync()).IsSuccess);
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
            var kept = await db.ModelVersions.AsNoTracking().Select(v => v.Id).OrderBy(v => v).ToListAsync();
            Assert.Equal(2, kept.Count);
            Assert.Equal(kept, await db.RecommendedUsers.AsNoTracking().Select(r => r.ModelVersionId).Distinct().OrderBy(v => v).ToListAsync());
        }
    }

    [Fact]
    public async Task A_run_keeps_its_lease_while_it_works_and_stops_when_another_has_taken_it()
    {
        var trainingLock = Factory.Services.GetRequiredService<TrainingLock>();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        Assert.True(await trainingLock.TryAcquireAsync(first, CancellationToken.None));
        var firstExpiry = await LeaseExpiryAsync();
        using (var lost = new CancellationTokenSource())
        {
            await using (trainingLock.KeepAlive(first, lost))
            {
                // Renewed (every second) until the first lease's expiry is long past: the lease never lapsed.
                await Eventually.Async(async () => DateTime.UtcNow > firstExpiry.AddSeconds(2) && await LeaseExpiryAsync() > DateTime.UtcNow,
                    TimeSpan.FromSeconds(30), "the lease is renewed past its first expiry");
                Assert.False(await trainingLock.TryAcquireAsync(second, CancellationToken.None));
                Assert.False(lost.IsCancellationRequested);
            }
        }

        await trainingLock.ReleaseAsync(second); // not the holder: changes nothing
        Assert.False(await trainingLock.TryAcquireAsync(second, CancellationToken.None));
        await trainingLock.ReleaseAsync(first);
        Assert.True(await trainingLock.TryAcquireAsync(second, CancellationToken.None));
        Assert.False(await trainingLock.RenewAsync(first, CancellationToken.None));

        // The first run, still working, notices at its next renewal that the lease is someone else's and stops.
        using var stopped = new CancellationTokenSource();
        await using (trainingLock.KeepAlive(first, stopped))
        {
            await Eventually.Async(() => Task.FromResult(stopped.IsCancellationRequested), TimeSpan.FromSeconds(20), "the run notices it lost its lease");
        }

        Assert.True(await trainingLock.RenewAsync(second, CancellationToken.None));
        await trainingLock.ReleaseAsync(second);
    }

    private async Task<Result<ModelVersion>> TrainAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TrainModelCommand());
    }

    private async Task<DateTime> LeaseExpiryAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationDbContext>().TrainingLeases.AsNoTracking().Select(l => l.ExpiresAt).SingleAsync();
    }

    private async Task<int> VersionCountAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationDbContext>().ModelVersions.CountAsync();
    }

    /// <summary>Real accounts (the training checks them in the directory) with ratings among them: two groups that like each other.</summary>
    private async Task<List<Guid>> PeopleWithRatingsAsync(int count)
    {
        var people = new List<Guid>();
        for (var n = 0; n < count; n++)
        {
            people.Add((await Api.NewUserAsync($"Person {n}")).Id);
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                if (a != b && (a + b) % 3 != 0)
                {
                    db.Ratings.Add(new Rating { RaterId = people[a], RateeId = people[b], Score = a % 2 == b % 2 ? 5 : 3, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
                }
            }
        }

        await db.SaveChangesAsync();
        return people;
    }
}
