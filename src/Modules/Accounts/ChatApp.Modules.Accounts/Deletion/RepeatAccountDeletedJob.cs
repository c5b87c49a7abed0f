using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using Hangfire;
using Microsoft.Extensions.Configuration;

namespace ChatApp.Modules.Accounts.Deletion;

/// <summary>
/// The second pass of every module's erase, one mechanism for all: <see cref="AccountEraser"/> schedules this job
/// after <see cref="Delay"/>, when no connection or cached session of the account can still be writing anywhere, and it
/// publishes <see cref="AccountDeletedIntegrationEvent"/> once more (a new event id), so every module's idempotent
/// handler runs again and erases what a late write left (a message, an upload, a rating, a device stored in the instant
/// of the deletion). Hangfire's in-memory storage loses a scheduled job when the node restarts (docs/adr/0022-identity.md).
/// </summary>
internal sealed class RepeatAccountDeletedJob(AccountsDbContext db, IIdGenerator ids, TimeProvider timeProvider)
{
    /// <summary>
    /// Two of Chat's session checks (a hub connection notices its ended session at the next one) or a node's session
    /// cache, whichever is longer, plus a margin.
    /// </summary>
    public static TimeSpan Delay(IConfiguration configuration)
    {
        var twoChecks = (configuration.GetValue<TimeSpan?>("Chat:SessionCheckInterval") ?? TimeSpan.FromSeconds(15)) * 2;
        return (twoChecks > SessionCache.Duration ? twoChecks : SessionCache.Duration) + TimeSpan.FromSeconds(10);
    }

    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Erase deleted account {0} once more in every module")]
    public async Task RunAsync(Guid userId, CancellationToken cancellationToken)
    {
        db.AddIntegrationEvent(new AccountDeletedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), userId));
        await db.SaveChangesAsync(cancellationToken);
    }
}
