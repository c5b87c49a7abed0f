using Hangfire;

namespace ChatApp.Modules.Recommendation.Features.TrainModel;

/// <summary>
/// The Hangfire recurring job (visible in the dashboard, with its history, failures and what each run did) that trains
/// the model. One run at a time across instances is the command's lease (<see cref="TrainingLock"/>), not Hangfire's
/// <c>DisableConcurrentExecution</c> (whose lock would have to outlast the longest run): a run that finds another
/// training ends at once, successfully, saying so.
/// </summary>
internal sealed class TrainModelJob(ISender sender)
{
    public const string RecurringJobId = "recommendation:train-model";

    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("Train the recommendation model")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new TrainModelCommand(), cancellationToken);
        return result.IsSuccess
            ? $"Trained model version {result.Value.Id} on {result.Value.RatingCount} ratings."
            : $"Skipped: {result.Error.Message}";
    }
}
