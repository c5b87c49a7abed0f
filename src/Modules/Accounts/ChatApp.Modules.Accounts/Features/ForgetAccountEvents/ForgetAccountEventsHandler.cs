using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;

namespace ChatApp.Modules.Accounts.Features.ForgetAccountEvents;

/// <summary>
/// After an account was deleted: the Accounts outbox messages that named the person and were being delivered while the
/// deletion committed (so it left them alone) are delivered by now; their JSON (a registration's or profile change's
/// name and bio) goes. Pending messages are left to their delivery; this event's own message names the id only.
/// Idempotent.
/// </summary>
internal sealed class ForgetAccountEventsHandler(AccountsDbContext db) : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var mention = integrationEvent.UserId.ToString();
        await db.Set<OutboxMessage>()
            .Where(m => m.Content.Contains(mention) && (m.ProcessedAt != null || m.DeadLetteredAt != null) && m.Id != integrationEvent.EventId)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
