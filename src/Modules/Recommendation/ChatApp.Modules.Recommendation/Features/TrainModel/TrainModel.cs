using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Recommendation.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.TrainModel;

[TransactionExemption(TransactionExemption.OwnTransaction,
    "Training runs for minutes: its version row is visible as training while it runs and stays, marked failed, when it fails.")]
internal sealed record TrainModelCommand : ICommand<Result<ModelVersion>>;

/// <summary>
/// Trains the taste model on all ratings and stores, as a new version, each rater's best recommendations (only the
/// top <see cref="RecommendationOptions.RecommendationsPerUser"/>). One run at a time across instances
/// (<see cref="TrainingLock"/>): a second run answers <c>recommendation.training_in_progress</c> at once. Ratings are
/// read as a stream into dense arrays; recommendations are stored in batches as they are computed. The version becomes
/// visible only once complete (the API keeps serving the previous one meanwhile); a failed or stopped run is recorded
/// as failed and changes nothing that is served. Older complete versions beyond
/// <see cref="RecommendationOptions.KeepModelVersions"/> are deleted in batches.
/// </summary>
internal sealed class TrainModelHandler(
    RecommendationDbContext db, IOptions<RecommendationOptions> options, RecommenderOptions configuredModelOptions, IUserDirectory users, TimeProvider timeProvider,
    TrainingLock trainingLock, ILogger<TrainModelHandler> logger)
    : ICommandHandler<TrainModelCommand, Result<ModelVersion>>
{
    public async ValueTask<Result<ModelVersion>> Handle(TrainModelCommand command, CancellationToken cancellationToken)
    {
        var holder = Guid.NewGuid();
        if (!await trainingLock.TryAcquireAsync(holder, cancellationToken))
        {
            logger.LogInformation("Model training skipped: another run holds the training lease");
            return RecommendationErrors.TrainingInProgress;
        }

        try
        {
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using (trainingLock.KeepAlive(holder, lost))
            {
                return await TrainAsync(lost, cancellationToken);
            }
        }
        finally
        {
            await trainingLock.ReleaseAsync(holder);
        }
    }

    private async Task<ModelVersion> TrainAsync(CancellationTokenSource lease, CancellationToken stopping)
    {
        var cancellationToken = lease.Token;
        var settings = options.Value;
        var now = timeProvider.GetUtcNowForStorage();

        // Only the lease holder trains: a version still marked training was left by a run whose process stopped.
        await db.ModelVersions.Where(v => v.Status == ModelStatus.Training).ExecuteUpdateAsync(set => set
            .SetProperty(v => v.Status, ModelStatus.Failed)
            .SetProperty(v => v.FinishedAt, now)
            .SetProperty(v => v.Error, "Abandoned: the run ended without finishing (its instance stopped)."), cancellationToken);

        // The distrust rule's shrunk mean is the published score's: same prior weight.
        var modelOptions = configuredModelOptions with { PriorWeight = settings.PriorWeight, DistrustConfidence = settings.DistrustConfidence };
        var version = db.ModelVersions.Add(new ModelVersion { Status = ModelStatus.Training, StartedAt = now }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var data = await ReadRatingsAsync(settings.Scale.ToScale(), cancellationToken);
            var seconds = new Dictionary<string, double> { ["read"] = Lap(clock) };
            var stored = 0;
            IReadOnlyList<double> weights = [];
            DistrustPrior? prior = null;
            var distrusted = 0;
            if (data.Count > 0)
            {
                var model = await Task.Run(() => Recommender.Train(data, modelOptions, cancellationToken), cancellationToken);
                seconds["train"] = Lap(clock);
                weights = model.BlendWeights;
                prior = model.Distrust.Prior;
                distrusted = Enumerable.Range(0, data.Ratees.Length).Count(model.IsDistrusted);
                var eligible = await EligibleAsync(data.Ratees, cancellationToken);
                seconds["eligibility"] = Lap(clock);
                var storing = new Stopwatch();
                stored = await StoreRecommendationsAsync(version.Id, data, model, eligible, storing, cancellationToken);
                seconds["recommendAndStore"] = Lap(clock);
                seconds["storeBusy"] = Math.Round(storing.Elapsed.TotalSeconds, 2);
            }

            version.Status = ModelStatus.Complete;
            version.RatingCount = data.Count;
            version.FinishedAt = timeProvider.GetUtcNowForStorage();
            version.Details = JsonSerializer.Serialize(new
            {
                raters = data.Raters.Length,
                ratees = data.Ratees.Length,
                recommendations = stored,
                seconds,
                processPeakWorkingSetMiB = ProcessPeakWorkingSetMiB(),
                distrusted,
                distrustPrior = prior,
                scale = settings.Scale,
                blendWeights = weights,
                modelOptions.Factorization.Factors,
                modelOptions.Factorization.Epochs,
                modelOptions.Factorization.Regularization,
                modelOptions.AffinityRegularization,
                modelOptions.DislikedWeight,
                modelOptions.LikingExponent,
                modelOptions.AffinityPopularityExponent,
                modelOptions.BlendImplicitWeight,
            });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Model version {Version} trained on {Ratings} ratings: {Rows} recommendations; seconds per stage {Seconds}",
                version.Id, data.Count, stored, seconds);
        }
        catch (Exception exception)
        {
            var error = exception switch
            {
                OperationCanceledException when lease.IsCancellationRequested && !stopping.IsCancellationRequested =>
                    "Stopped: another run took the training lease over (this one failed to renew it in time).",
                OperationCanceledException => "Stopped: the instance was shutting down.",
                _ => exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message,
            };
            db.ChangeTracker.Clear();
            await db.ModelVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Status, ModelStatus.Failed)
                .SetProperty(v => v.FinishedAt, timeProvider.GetUtcNowForStorage())
                .SetProperty(v => v.Error, error), CancellationToken.None);
            throw;
        }

        // The version is complete and served from here on: dropping old ones is housekeeping that must never turn it
        // into a failure (a stop or lost lease now leaves the rest for the next run's housekeeping).
        try
        {
            await DeleteOldVersionsAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Dropping old model versions after version {Version} stopped; the next training finishes it", version.Id);
        }

        return version;
    }

    /// <summary>The whole process's peak working set so far (training is usually what sets it), for operators.</summary>
    private static long ProcessPeakWorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    private static double Lap(Stopwatch clock)
    {
        var elapsed = Math.Round(clock.Elapsed.TotalSeconds, 2);
        clock.Restart();
        return elapsed;
    }

    /// <summary>Every rating, read as a stream straight into the model's dense arrays (no row list is ever held).</summary>
    private async Task<RatingData<Guid>> ReadRatingsAsync(RatingScale scale, CancellationToken cancellationToken)
    {
        var builder = new RatingData<Guid>.Builder(scale, 4096);
        await foreach (var rating in db.Ratings.AsNoTracking().Select(r => new { r.RaterId, r.RateeId, r.Score }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            builder.Add(rating.RaterId, rating.RateeId, rating.Score);
        }

        return builder.Build();
    }

    /// <summary>For each ratee: the account exists and is neither deactivated nor hidden (banned, suspended, hidden for review). Asked in chunks.</summary>
    private async Task<bool[]> EligibleAsync(Guid[] ratees, CancellationToken cancellationToken)
    {
        var eligible = new bool[ratees.Length];
        for (var start = 0; start < ratees.Length; start += DirectoryChunk)
        {
            var chunk = ratees[start..Math.Min(ratees.Length, start + DirectoryChunk)];
            var directory = await users.GetUsersAsync(chunk, cancellationToken);
            for (var n = 0; n < chunk.Length; n++)
            {
                eligible[start + n] = directory.TryGetValue(chunk[n], out var user) && !user.Deactivated && !user.Hidden;
            }
        }

        return eligible;
    }

    private const int DirectoryChunk = 1000;

    /// <summary>
    /// Each rater's best ratees, stored in batches as they are computed: never themselves, never someone they already
    /// rated, never anyone hidden (banned, suspended, hidden for review), deactivated or deleted now, and never the
    /// distrusted (the model's own rule). Returns the rows stored.
    /// </summary>
    private async Task<int> StoreRecommendationsAsync(
        long version, RatingData<Guid> data, Recommender model, bool[] eligible, Stopwatch storing, CancellationToken cancellationToken)
    {
        // A rater's own index among the ratees (or -1), so nobody is recommended to themselves.
        var rateeIndex = new Dictionary<Guid, int>(data.Ratees.Length);
        for (var i = 0; i < data.Ratees.Length; i++)
        {
            rateeIndex[data.Ratees[i]] = i;
        }

        var self = data.Raters.Select(id => rateeIndex.GetValueOrDefault(id, -1)).ToArray();
        rateeIndex = null;

        // The lists are computed (on every core) while the previous batch is being written: a bounded hand-over of
        // two batches keeps memory flat and the database busy.
        var size = options.Value.StoreBatch;
        var batches = Channel.CreateBounded<List<RecommendedUser>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<RecommendedUser>(size);
                foreach (var (rater, top) in model.RecommendAll(options.Value.RecommendationsPerUser, (u, i) => eligible[i] && self[u] != i, cancellationToken))
                {
                    for (var rank = 0; rank < top.Length; rank++)
                    {
                        var (ratee, score) = top[rank];
                        batch.Add(new RecommendedUser
                        {
                            ModelVersionId = version, RaterId = data.Raters[rater], Rank = rank + 1, RateeId = data.Ratees[ratee], Score = score,
                            PredictedRating = model.Predict(rater, ratee),
                        });
                    }

                    if (batch.Count >= size)
                    {
                        await batches.Writer.WriteAsync(batch, cancellationToken);
                        batch = new List<RecommendedUser>(size);
                    }
                }

                await batches.Writer.WriteAsync(batch, cancellationToken);
                batches.Writer.Complete();
            }
            catch (Exception exception)
            {
                batches.Writer.Complete(exception);
            }
        }, cancellationToken);

        var stored = 0;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                storing.Start();
                await db.InsertAllAsync(batch, cancellationToken);
                storing.Stop();
                stored += batch.Count;
            }
        }
        finally
        {
            // A failed insert stops the producer too (it waits on the full channel until cancelled otherwise).
            batches.Writer.TryComplete();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return stored;
    }

    /// <summary>
    /// Drops versions older than the newest <see cref="RecommendationOptions.KeepModelVersions"/> complete ones (failed
    /// runs among them included): their recommendations a few raters at a time (a version holds people × N rows; one statement for
    /// all of them would hold locks and undo for minutes), then the version row.
    /// </summary>
    private async Task DeleteOldVersionsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var keep = await db.ModelVersions.Where(v => v.Status == ModelStatus.Complete)
            .OrderByDescending(v => v.Id).Select(v => v.Id).Take(settings.KeepModelVersions).ToListAsync(cancellationToken);
        if (keep.Count < settings.KeepModelVersions)
        {
            return;
        }

        // Failed runs stay for operators to read until they are older than every kept complete version.
        var oldest = keep.Min();
        var old = await db.ModelVersions.Where(v => v.Id < oldest && v.Status != ModelStatus.Training).Select(v => v.Id).ToListAsync(cancellationToken);
        var ratersPerStatement = Math.Max(1, settings.StoreBatch / Math.Max(1, settings.RecommendationsPerUser));
        foreach (var id in old)
        {
            while (true)
            {
                var raters = await db.RecommendedUsers.Where(r => r.ModelVersionId == id).Select(r => r.RaterId).Distinct()
                    .OrderBy(r => r).Take(ratersPerStatement).ToListAsync(cancellationToken);
                if (raters.Count == 0)
                {
                    break;
                }

                await db.RecommendedUsers.Where(r => r.ModelVersionId == id && raters.Contains(r.RaterId)).ExecuteDeleteAsync(cancellationToken);
            }

            await db.ModelVersions.Where(v => v.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
