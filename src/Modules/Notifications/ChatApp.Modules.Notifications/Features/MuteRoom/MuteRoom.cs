using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Notifications.Mutes;

namespace ChatApp.Modules.Notifications.Features.MuteRoom;

internal sealed record MuteRoomRequest(DateTimeOffset? Until = null);

internal sealed record MuteRoomCommand(Guid UserId, Guid RoomId, DateTimeOffset? Until) : ICommand<Result<MuteResponse>>;

internal sealed class MuteRoomValidator : AbstractValidator<MuteRoomCommand>
{
    public MuteRoomValidator(TimeProvider timeProvider) =>
        RuleFor(c => c.Until)
            .Must(until => until > timeProvider.GetUtcNow())
            .WithErrorCode(NotificationsErrors.InvalidMuteUntilCode)
            .WithMessage("until is a time in the future (or null: until unmuted).")
            .When(c => c.Until is not null);
}

/// <summary>
/// Mutes a room of mine (Chat says whether I am a member; a room I am not in is "not found", as in Chat) until a time or
/// for good. Muting again replaces the end; the mute keeps its creation time.
/// </summary>
internal sealed class MuteRoomHandler(NotificationsDbContext db, IRoomMembership membership, TimeProvider timeProvider)
    : ICommandHandler<MuteRoomCommand, Result<MuteResponse>>
{
    public async ValueTask<Result<MuteResponse>> Handle(MuteRoomCommand command, CancellationToken cancellationToken)
    {
        if (!await membership.IsMemberAsync(command.UserId, command.RoomId, cancellationToken))
        {
            return NotificationsErrors.RoomNotFound;
        }

        var now = timeProvider.GetUtcNowForStorage();
        var mute = await db.RoomMutes.SingleOrDefaultAsync(m => m.UserId == command.UserId && m.RoomId == command.RoomId, cancellationToken)
            ?? db.RoomMutes.Add(new RoomMute { UserId = command.UserId, RoomId = command.RoomId, CreatedAt = now }).Entity;
        mute.Until = command.Until is { } until ? StorageTime(until.UtcDateTime) : null;
        return MuteResponse.From(mute);
    }

    /// <summary>UTC at the precision the databases keep (microseconds), so the answer equals what is read back later.</summary>
    private static DateTime StorageTime(DateTime utc) => DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % 10)), DateTimeKind.Utc);
}
