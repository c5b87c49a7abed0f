using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;

namespace ChatApp.Modules.Accounts.Features.ForgetAccountEvents;

/// <summary>
/// After an account was deleted: every Accounts outbox message whose JSON names the person (a registration's or profile
/// change's name and bio) goes, in whatever state, except this event's own message (it names the id only). A message
/// still being delivered at this moment (leased, not processed) is not pulled from under its delivery: the handler then
/// fails, and the outbox retries only this handler (the others are recorded as done) until none is left. Idempotent.
/// </summary>
internal sealed class ForgetAccountEventsHandler(AccountsDbContext db, TimeProvider timeProvider) : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var mention = integrationEvent.UserId.ToString();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var mentions = db.Set<OutboxMessage>().Where(m => m.Content.Contains(mention) && m.Id != integrationEvent.EventId);
        await mentions
            .Where(m => m.ProcessedAt != null || m.DeadLetteredAt != null || m.LockedUntil == null || m.LockedUntil < now)
            .ExecuteDeleteAsync(cancellationToken);
        var leased = await mentions.CountAsync(cancellationToken);
        if (leased > 0)
        {
            throw new InvalidOperationException(
                $"{leased} outbox message(s) naming deleted user {integrationEvent.UserId} are being delivered; forgetting them again later.");
        }
    }
}
