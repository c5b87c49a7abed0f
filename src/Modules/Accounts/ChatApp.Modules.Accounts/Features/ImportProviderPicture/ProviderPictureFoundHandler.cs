using ChatApp.BuildingBlocks.Events;
using Hangfire;

namespace ChatApp.Modules.Accounts.Features.ImportProviderPicture;

/// <summary>
/// Hands the picture to a background job (<see cref="ImportProviderPictureJob"/>) at once: a download must not hold up
/// the Accounts outbox, whose other events (mails, ended sessions, deletions) would wait behind it.
/// </summary>
internal sealed class ProviderPictureFoundHandler(IBackgroundJobClient jobs) : IIntegrationEventHandler<ProviderPictureFoundIntegrationEvent>
{
    public Task HandleAsync(ProviderPictureFoundIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        jobs.Enqueue<ImportProviderPictureJob>(job => job.RunAsync(
            integrationEvent.UserId, integrationEvent.Provider, integrationEvent.PictureUrl.AbsoluteUri, 1, CancellationToken.None));
        return Task.CompletedTask;
    }
}
