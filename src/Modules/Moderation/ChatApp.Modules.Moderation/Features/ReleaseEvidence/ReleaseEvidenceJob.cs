using Hangfire;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Moderation.Features.ReleaseEvidence;

/// <summary>The Hangfire recurring job (visible to admins in the dashboard) that runs <see cref="ReleaseEvidenceCommand"/>.</summary>
internal sealed class ReleaseEvidenceJob(ISender sender, ILogger<ReleaseEvidenceJob> logger)
{
    public const string RecurringJobId = "moderation:release-evidence";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        ReleaseEvidenceResult batch;
        do
        {
            batch = await sender.Send(new ReleaseEvidenceCommand(), cancellationToken);
            released += batch.Released;
        }
        while (!batch.Finished);

        logger.LogInformation("Moderation: the pictures of {Reports} closed reports were released to Media", released);
    }
}
