using Microsoft.EntityFrameworkCore;

namespace ChatApp.BuildingBlocks.Outbox;

public static class OutboxMaintenance
{
    /// <summary>Deletes delivered messages older than the cutoff (dead-lettered ones are kept for an operator).</summary>
    public static Task<int> PurgeDeliveredOutboxMessagesAsync(this DbContext context, DateTime cutoff, CancellationToken cancellationToken) =>
        context.Set<OutboxMessage>()
            .Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
}
