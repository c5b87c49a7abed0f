namespace ChatApp.Modules.Notifications.Features.UnmuteRoom;

internal sealed record UnmuteRoomCommand(Guid UserId, Guid RoomId) : ICommand<Result>;

/// <summary>Unmuting is idempotent: a room that was not muted (or is not mine) is simply not muted afterwards.</summary>
internal sealed class UnmuteRoomHandler(NotificationsDbContext db) : ICommandHandler<UnmuteRoomCommand, Result>
{
    public async ValueTask<Result> Handle(UnmuteRoomCommand command, CancellationToken cancellationToken)
    {
        await db.RoomMutes.Where(m => m.UserId == command.UserId && m.RoomId == command.RoomId).ExecuteDeleteAsync(cancellationToken);
        return Result.Success();
    }
}
