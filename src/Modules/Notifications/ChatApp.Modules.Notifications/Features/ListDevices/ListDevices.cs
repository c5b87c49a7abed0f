using ChatApp.Modules.Notifications.Devices;

namespace ChatApp.Modules.Notifications.Features.ListDevices;

internal sealed record ListDevicesQuery(Guid UserId, Guid? CurrentSessionId) : IQuery<IReadOnlyList<DeviceResponse>>;

/// <summary>My registered devices, oldest registration first; <c>current</c> marks the one of this session.</summary>
internal sealed class ListDevicesHandler(NotificationsDbContext db) : IQueryHandler<ListDevicesQuery, IReadOnlyList<DeviceResponse>>
{
    public async ValueTask<IReadOnlyList<DeviceResponse>> Handle(ListDevicesQuery query, CancellationToken cancellationToken)
    {
        var devices = await db.Devices.AsNoTracking()
            .Where(d => d.UserId == query.UserId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return devices.Select(d => DeviceResponse.From(d, query.CurrentSessionId)).ToList();
    }
}
