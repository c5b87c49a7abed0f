using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.EraseAccount;

/// <summary>
/// An account was deleted: <see cref="EraseAccountJob"/> is queued at once (the erase runs as a background job, batch
/// after batch, not inside the outbox delivery and its lease), and once more after <see cref="SecondPassDelay"/>, when
/// no connection of the account can still be sending.
/// </summary>
internal sealed class AccountDeletedHandler(IBackgroundJobClient jobs, IOptions<ChatOptions> options)
    : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    /// <summary>
    /// Two session checks (a hub connection notices its ended session at the next check) or a node's session cache,
    /// whichever is longer, plus a margin.
    /// </summary>
    public static TimeSpan SecondPassDelay(ChatOptions options)
    {
        var twoChecks = options.SessionCheckInterval * 2;
        return (twoChecks > SessionCache.Duration ? twoChecks : SessionCache.Duration) + TimeSpan.FromSeconds(5);
    }

    public Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        jobs.Enqueue<EraseAccountJob>(job => job.RunAsync(userId, CancellationToken.None));
        jobs.Schedule<EraseAccountJob>(job => job.RunAsync(userId, CancellationToken.None), SecondPassDelay(options.Value));
        return Task.CompletedTask;
    }
}
