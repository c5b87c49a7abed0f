using System.Text.Json;
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
internal sealed record TrainModelCommand : ICommand<ModelVersion>;

/// <summary>
/// Trains the taste model on all ratings and stores, as a new version, each rater's best recommendations. The version
/// becomes visible only once complete (the API keeps serving the previous one meanwhile); a failed run is recorded as
/// failed and changes nothing that is served. Older complete versions beyond <see cref="RecommendationOptions.KeepModelVersions"/> are deleted.
/// </summary>
internal sealed class TrainModelHandler(
    RecommendationDbContext db, IOptions<RecommendationOptions> options, RecommenderOptions configuredModelOptions, IUserDirectory users, TimeProvider timeProvider,
    ILogger<TrainModelHandler> logger)
    : ICommandHandler<TrainModelCommand, ModelVersion>
{
    public async ValueTask<ModelVersion> Handle(TrainModelCommand command, CancellationToken cancellationToken)
    {
        // The distrust rule's shrunk mean is the published score's: same prior weight.
        var modelOptions = configuredModelOptions with { PriorWeight = options.Value.PriorWeight, DistrustConfidence = options.Value.DistrustConfidence };
        var version = db.ModelVersions.Add(new ModelVersion { Status = ModelStatus.Training, StartedAt = timeProvider.GetUtcNowForStorage() }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var ratings = await db.Ratings.AsNoTracking()
                .Select(r => new { r.RaterId, r.RateeId, r.Score })
                .ToListAsync(cancellationToken);
            var data = RatingData<Guid>.From(ratings.Select(r => (r.RaterId, r.RateeId, (double)r.Score)).ToList(), options.Value.Scale.ToScale());
            var rows = new List<RecommendedUser>();
            IReadOnlyList<double> weights = [];
            DistrustPrior? prior = null;
            var distrusted = 0;
            if (data.Count > 0)
            {
                var model = await Task.Run(() => Recommender.Train(data, modelOptions, cancellationToken), cancellationToken);
                weights = model.BlendWeights;
                prior = model.Distrust.Prior;
                distrusted = Enumerable.Range(0, data.Ratees.Length).Count(model.IsDistrusted);
                var eligible = await EligibleAsync(data.Ratees, cancellationToken);
                rows = Recommendations(version.Id, data, model, eligible, options.Value.RecommendationsPerUser);
            }

            await db.InsertAllAsync(rows, cancellationToken);
            version.Status = ModelStatus.Complete;
            version.RatingCount = data.Count;
            version.FinishedAt = timeProvider.GetUtcNowForStorage();
            version.Details = JsonSerializer.Serialize(new
            {
                raters = data.Raters.Length,
                ratees = data.Ratees.Length,
                recommendations = rows.Count,
                distrusted,
                distrustPrior = prior,
                scale = options.Value.Scale,
                blendWeights = weights,
                modelOptions.Factorization.Factors,
                modelOptions.Factorization.Epochs,
                modelOptions.Factorization.Regularization,
                modelOptions.AffinityRegularization,
                modelOptions.DislikedWeight,
                modelOptions.LikingExponent,
            });
            await db.SaveChangesAsync(cancellationToken);

            var keep = await db.ModelVersions.Where(v => v.Status == ModelStatus.Complete)
                .OrderByDescending(v => v.Id).Select(v => v.Id).Take(options.Value.KeepModelVersions).ToListAsync(cancellationToken);
            await db.ModelVersions.Where(v => !keep.Contains(v.Id) && v.Status != ModelStatus.Training).ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Model version {Version} trained on {Ratings} ratings: {Rows} recommendations", version.Id, data.Count, rows.Count);
            return version;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            await db.ModelVersions.Where(v => v.Id == version.Id).ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Status, ModelStatus.Failed)
                .SetProperty(v => v.FinishedAt, timeProvider.GetUtcNowForStorage())
                .SetProperty(v => v.Error, error), CancellationToken.None);
            throw;
        }
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
    /// Each rater's best ratees: never themselves, never someone they already rated, never anyone hidden (banned,
    /// suspended, hidden for review), deactivated or deleted now, and never the distrusted (the model's own rule).
    /// </summary>
    private static List<RecommendedUser> Recommendations(long version, RatingData<Guid> data, Recommender model, bool[] eligible, int perUser)
    {
        var rated = new HashSet<int>[data.Raters.Length];
        for (var k = 0; k < data.Count; k++)
        {
            (rated[data.RaterIndex[k]] ??= []).Add(data.RateeIndex[k]);
        }

        var rows = new List<RecommendedUser>();
        for (var u = 0; u < data.Raters.Length; u++)
        {
            var rater = data.Raters[u];
            var mine = rated[u];
            var rank = 0;
            foreach (var (ratee, score) in model.Recommend(u, perUser, i => eligible[i] && data.Ratees[i] != rater && mine?.Contains(i) != true))
            {
                rows.Add(new RecommendedUser
                {
                    ModelVersionId = version, RaterId = rater, Rank = ++rank, RateeId = data.Ratees[ratee], Score = score, PredictedRating = model.Predict(u, ratee),
                });
            }
        }

        return rows;
    }
}
