using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Notifications.Features.ForgetSessionDevices;

/// <summary>
/// Sessions ended (sign-out, revoked from another device, password changed, account deactivated, a replayed refresh
/// token): the devices they registered get no more pushes. A token that moved to another session since is kept.
/// </summary>
internal sealed class ForgetSessionDevicesHandler(NotificationsDbContext db) : IIntegrationEventHandler<SessionsEndedIntegrationEvent>
{
    public async Task HandleAsync(SessionsEndedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var sessionIds = integrationEvent.SessionIds.ToList();
        var deviceIds = await db.Devices
            .Where(d => d.UserId == integrationEvent.UserId && sessionIds.Contains(d.SessionId))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        if (deviceIds.Count == 0)
        {
            return;
        }

        await db.Deliveries.Where(d => deviceIds.Contains(d.DeviceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Devices.Where(d => deviceIds.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
