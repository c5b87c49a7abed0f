using Hangfire;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Features.PurgeExpiredSessions;

/// <summary>The Hangfire recurring job (visible to admins in the dashboard) that runs <see cref="PurgeExpiredSessionsCommand"/>.</summary>
internal sealed class PurgeExpiredSessionsJob(ISender sender, ILogger<PurgeExpiredSessionsJob> logger)
{
    public const string RecurringJobId = "accounts:purge-expired-sessions";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await sender.Send(new PurgeExpiredSessionsCommand(), cancellationToken);
        logger.LogInformation("Purged {Sessions} ended sessions, {Tokens} refresh tokens and {Outbox} delivered outbox messages",
            purged.Sessions, purged.RefreshTokens, purged.OutboxMessages);
    }
}
