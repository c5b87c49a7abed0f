using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.External;
using ChatApp.Modules.Media.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.ImportProviderPicture;

/// <summary>
/// After a provider sign-in created an account, fetches the provider's picture (<see cref="ProviderPictures"/>: allowed
/// origins only, bounded in time and size), has Media store it as an avatar image (<see cref="IAvatarImport"/>: decoded,
/// cropped to the centred square, resized, metadata stripped) and adopts it unless the user chose an avatar meanwhile.
/// No transaction is held while the picture downloads. A picture that cannot be had (refused, not an image, too large)
/// leaves the account without an avatar and is logged; a passing failure is retried by the outbox within
/// <see cref="ExternalSignInOptions.PictureRetryWindow"/>. Idempotent: a redelivery finds the avatar set and stops.
/// </summary>
internal sealed partial class ProviderPictureFoundHandler(
    AccountsDbContext db,
    ProviderPictures pictures,
    IAvatarImport media,
    ISender sender,
    IOptions<ExternalSignInOptions> options,
    TimeProvider timeProvider,
    ILogger<ProviderPictureFoundHandler> logger) : IIntegrationEventHandler<ProviderPictureFoundIntegrationEvent>
{
    public async Task HandleAsync(ProviderPictureFoundIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.AvatarMediaId == null, cancellationToken))
        {
            return;
        }

        var fetched = await pictures.FetchAsync(integrationEvent.Provider, integrationEvent.PictureUrl, cancellationToken);
        if (fetched.Content is null)
        {
            var age = timeProvider.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(integrationEvent.OccurredAt, DateTimeKind.Utc);
            if (fetched.Transient && age < options.Value.PictureRetryWindow)
            {
                // The outbox runs this handler again after its back-off.
                throw new HttpRequestException($"The {integrationEvent.Provider} picture of user {userId} could not be fetched yet: {fetched.Failure}.");
            }

            LogNotImported(logger, integrationEvent.Provider, userId, fetched.Failure!);
            return;
        }

        var imported = await media.ImportAvatarAsync(userId, fetched.Content, cancellationToken);
        if (!imported.IsSuccess)
        {
            LogNotImported(logger, integrationEvent.Provider, userId, imported.Error.Code);
            return;
        }

        var adopted = await sender.Send(new AdoptProviderPictureCommand(userId, imported.Value), cancellationToken);
        if (adopted.IsSuccess && adopted.Value)
        {
            LogImported(logger, integrationEvent.Provider, userId, imported.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Provider} profile picture of user {UserId} was not imported: {Reason}")]
    private static partial void LogNotImported(ILogger logger, string provider, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Provider} profile picture of user {UserId} is now its avatar (media {MediaId})")]
    private static partial void LogImported(ILogger logger, string provider, Guid userId, Guid mediaId);
}
