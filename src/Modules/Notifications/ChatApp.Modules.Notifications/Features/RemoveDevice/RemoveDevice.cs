using ChatApp.Modules.Notifications.Devices;

namespace ChatApp.Modules.Notifications.Features.RemoveDevice;

internal sealed record RemoveDeviceCommand(Guid UserId, string Token) : ICommand<Result>;

/// <summary>
/// Stops pushes to one of my devices (the app calls it when the person turns notifications off). Someone else's token
/// answers exactly like an unknown one.
/// </summary>
internal sealed class RemoveDeviceHandler(NotificationsDbContext db) : ICommandHandler<RemoveDeviceCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveDeviceCommand command, CancellationToken cancellationToken)
    {
        var lower = command.Token.ToLowerInvariant();
        var candidates = await db.Devices
            .Where(d => d.UserId == command.UserId && (d.Token == command.Token || d.Token == lower))
            .ToListAsync(cancellationToken);
        var device = candidates.FirstOrDefault(d => DeviceTokens.Matches(d, command.Token));
        if (device is null)
        {
            return NotificationsErrors.DeviceNotFound;
        }

        db.Devices.Remove(device);
        return Result.Success();
    }
}
