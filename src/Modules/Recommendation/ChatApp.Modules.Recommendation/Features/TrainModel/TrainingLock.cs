using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.TrainModel;

/// <summary>
/// One training at a time across every instance that shares the database (<see cref="TrainingLease"/>): a run takes
/// the lease with one conditional UPDATE (free or expired), renews it every third of
/// <see cref="RecommendationOptions.TrainingLease"/> while it trains and releases it at the end. A run that cannot renew
/// (another took the lease over because this one stalled past its expiry) is cancelled. Every statement runs on a
/// context of its own, so renewing never shares the training's connection. Not Hangfire's
/// <c>DisableConcurrentExecution</c>: its lock must outlast the longest run (and a second run waits for it, then trains
/// again), while a lease held only while renewed frees itself within a minute or two when a process dies.
/// </summary>
internal sealed class TrainingLock(IServiceScopeFactory scopes, TimeProvider timeProvider, IOptions<RecommendationOptions> options, ILogger<TrainingLock> logger)
{
    private TimeSpan Duration => options.Value.TrainingLease;

    /// <summary>Takes the lease for <paramref name="holder"/>, or answers false when another run holds it and it has not expired.</summary>
    public async Task<bool> TryAcquireAsync(Guid holder, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var until = now + Duration;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
        var taken = await db.TrainingLeases
            .Where(l => l.Name == TrainingLease.ModelTraining && (l.Holder == null || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.TrainingLeases.AnyAsync(l => l.Name == TrainingLease.ModelTraining, cancellationToken))
        {
            return false;
        }

        db.TrainingLeases.Add(new TrainingLease { Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return false; // another instance created the lease a moment earlier: it holds it
        }
    }

    /// <summary>Extends the lease while <paramref name="holder"/> still holds it; false when it was lost.</summary>
    public async Task<bool> RenewAsync(Guid holder, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNowForStorage() + Duration;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
        return await db.TrainingLeases.Where(l => l.Name == TrainingLease.ModelTraining && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>Frees the lease if <paramref name="holder"/> still holds it (never someone else's).</summary>
    public async Task ReleaseAsync(Guid holder)
    {
        var now = timeProvider.GetUtcNowForStorage();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationDbContext>();
        await db.TrainingLeases.Where(l => l.Name == TrainingLease.ModelTraining && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (Guid?)null).SetProperty(l => l.ExpiresAt, now), CancellationToken.None);
    }

    /// <summary>
    /// Renews the lease every third of its duration until disposed; when a renewal finds it lost,
    /// <paramref name="lost"/> is cancelled (the training stops). A failed renewal (database briefly unreachable) is
    /// tried again at the next tick: the lease is only lost when another run has taken it.
    /// </summary>
    public IAsyncDisposable KeepAlive(Guid holder, CancellationTokenSource lost) => new Renewal(this, holder, lost, Duration / 3, timeProvider, logger);

    private sealed class Renewal : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Renewal(TrainingLock owner, Guid holder, CancellationTokenSource lost, TimeSpan every, TimeProvider timeProvider, ILogger logger) =>
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(every, timeProvider);
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token))
                    {
                        try
                        {
                            if (!await owner.RenewAsync(holder, _stop.Token))
                            {
                                logger.LogWarning("Model training lost its lease (another run took it over): stopping this run");
                                await lost.CancelAsync();
                                return;
                            }
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            logger.LogWarning(exception, "Renewing the model training lease failed; trying again at the next tick");
                        }
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    // disposed: training ended
                }
            });

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
