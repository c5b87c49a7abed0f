using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Notifications.Features.ForgetAccount;

/// <summary>
/// An account was deleted: its devices (push tokens) with their deliveries, its preferences, muted rooms and pending
/// push work go. Idempotent: a second run finds nothing.
/// </summary>
internal sealed class ForgetAccountHandler(NotificationsDbContext db) : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var deviceIds = db.Devices.Where(d => d.UserId == userId).Select(d => d.Id);
        await db.Deliveries.Where(d => deviceIds.Contains(d.DeviceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Devices.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Pushes.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.RoomMutes.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Preferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
