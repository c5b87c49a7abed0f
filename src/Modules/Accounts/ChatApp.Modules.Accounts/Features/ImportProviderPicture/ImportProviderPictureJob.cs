using ChatApp.Modules.Accounts.External;
using ChatApp.Modules.Accounts.Profiles;
using ChatApp.Modules.Media.Contracts;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.ImportProviderPicture;

/// <summary>
/// Fetches a new account's provider picture (<see cref="ProviderPictures"/>: allowed origins only, bounded in time and
/// size), has Media store it as an avatar image (<see cref="IAvatarImport"/>: decoded, centred square, resized,
/// metadata stripped) and adopts it unless the user chose an avatar meanwhile; an import that is not adopted (the
/// user's choice won, or the account was deleted) is deleted at once. No transaction is held while it downloads. A
/// picture that cannot be had (refused, not an image, too large) is logged and dropped; a passing failure (timeout,
/// 429, 5xx, connection lost) is tried again later, <see cref="ExternalSignInOptions.PictureAttempts"/> times in all,
/// with doubling delays from <see cref="ExternalSignInOptions.PictureRetryDelay"/>.
/// </summary>
internal sealed partial class ImportProviderPictureJob(
    AccountsDbContext db,
    ProviderPictures pictures,
    IAvatarImport media,
    ISender sender,
    IBackgroundJobClient jobs,
    IOptions<ExternalSignInOptions> options,
    ILogger<ImportProviderPictureJob> logger)
{
    [AutomaticRetry(Attempts = 0)] // its own retries, above: only passing failures are worth another try
    public async Task RunAsync(Guid userId, string provider, string pictureUrl, int attempt, CancellationToken cancellationToken)
    {
        if (!options.Value.ImportProviderPictures
            || !await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.AvatarMediaId == null, cancellationToken))
        {
            return;
        }

        var fetched = await pictures.FetchAsync(provider, new Uri(pictureUrl), cancellationToken);
        if (fetched.Content is null)
        {
            if (fetched.Transient && attempt < options.Value.PictureAttempts)
            {
                var delay = options.Value.PictureRetryDelay * Math.Pow(2, attempt - 1);
                jobs.Schedule<ImportProviderPictureJob>(job => job.RunAsync(userId, provider, pictureUrl, attempt + 1, CancellationToken.None), delay);
                LogRetry(logger, provider, userId, attempt, fetched.Failure!, delay);
                return;
            }

            LogNotImported(logger, provider, userId, fetched.Failure!);
            return;
        }

        var imported = await media.ImportAvatarAsync(userId, fetched.Content, cancellationToken);
        if (!imported.IsSuccess)
        {
            LogNotImported(logger, provider, userId, imported.Error.Code);
            return;
        }

        var adoption = await sender.Send(new AdoptProviderPictureCommand(userId, imported.Value), cancellationToken);
        if (adoption == AvatarAdoption.Adopted)
        {
            LogImported(logger, provider, userId, imported.Value);
            return;
        }

        await media.DiscardAsync(userId, imported.Value, cancellationToken);
        LogNotImported(logger, provider, userId, adoption == AvatarAdoption.UserGone ? "the account was deleted" : "the user chose an avatar meanwhile");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Provider} profile picture of user {UserId} was not imported: {Reason}")]
    private static partial void LogNotImported(ILogger logger, string provider, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Provider} profile picture of user {UserId} could not be fetched (attempt {Attempt}: {Reason}); trying again in {Delay}")]
    private static partial void LogRetry(ILogger logger, string provider, Guid userId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Provider} profile picture of user {UserId} is now its avatar (media {MediaId})")]
    private static partial void LogImported(ILogger logger, string provider, Guid userId, Guid mediaId);
}
