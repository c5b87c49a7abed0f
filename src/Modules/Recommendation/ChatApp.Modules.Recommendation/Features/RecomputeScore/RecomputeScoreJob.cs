using ChatApp.Modules.Recommendation.Scoring;
using Hangfire;

namespace ChatApp.Modules.Recommendation.Features.RecomputeScore;

/// <summary>The Hangfire job (visible in the dashboard) that runs <see cref="RecomputeScoreCommand"/> for one profile.</summary>
internal sealed class RecomputeScoreJob(ISender sender)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Recompute the score of profile {0}")]
    public async Task RunAsync(Guid userId, CancellationToken cancellationToken) =>
        await sender.Send(new RecomputeScoreCommand(userId), cancellationToken);
}
