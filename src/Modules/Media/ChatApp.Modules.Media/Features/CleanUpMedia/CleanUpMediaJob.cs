using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Media.Storage;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Media.Features.CleanUpMedia;

/// <summary>The Hangfire recurring job (visible to admins in the dashboard) that runs <see cref="CleanUpMediaCommand"/>.</summary>
internal sealed class CleanUpMediaJob(ISender sender, ILogger<CleanUpMediaJob> logger)
{
    public const string RecurringJobId = "media:clean-up";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        int expired = 0, images = 0, objects = 0;
        CleanUpMediaResult batch;
        do
        {
            batch = await sender.Send(new CleanUpMediaCommand(), cancellationToken);
            expired += batch.ExpiredUnused;
            images += batch.DeletedImages;
            objects += batch.DeletedObjects;
        }
        while (!batch.Finished);

        logger.LogInformation("Media clean-up: {Expired} unused uploads expired, {Images} images and {Objects} objects deleted", expired, images, objects);
    }
}
