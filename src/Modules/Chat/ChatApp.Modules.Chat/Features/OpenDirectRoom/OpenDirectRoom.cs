using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.OpenDirectRoom;

/// <summary>Gets or creates the one direct room of a pair. Non-transactional: it retries as a read when a concurrent call created the room first.</summary>
internal sealed record OpenDirectRoomCommand(Guid UserId, Guid OtherUserId) : ICommand<Result<OpenDirectRoomResult>>, INonTransactionalCommand;

internal sealed record OpenDirectRoomResult(RoomResponse Room, bool Created);

internal sealed class OpenDirectRoomValidator : AbstractValidator<OpenDirectRoomCommand>
{
    public OpenDirectRoomValidator() =>
        RuleFor(c => c.OtherUserId).NotEqual(c => c.UserId).OverridePropertyName("userId").WithMessage("You cannot open a direct room with yourself.");
}

internal sealed class OpenDirectRoomHandler(ChatDbContext db, IUserDirectory users, RoomReader reader, Realtime.ChatNotifier notifier, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<OpenDirectRoomCommand, Result<OpenDirectRoomResult>>
{
    public async ValueTask<Result<OpenDirectRoomResult>> Handle(OpenDirectRoomCommand command, CancellationToken cancellationToken)
    {
        if (!await users.IsActiveAsync(command.OtherUserId, cancellationToken))
        {
            return ChatErrors.UserNotFound;
        }

        if (await Blocks.BetweenAsync(db, command.UserId, command.OtherUserId, cancellationToken))
        {
            return ChatErrors.Blocked;
        }

        var key = Room.DirectKeyFor(command.UserId, command.OtherUserId);
        var created = false;
        if (!await db.Rooms.AnyAsync(r => r.DirectKey == key, cancellationToken))
        {
            created = await TryCreateAsync(command, key, cancellationToken);
        }

        var roomId = await db.Rooms.Where(r => r.DirectKey == key).Select(r => r.Id).SingleAsync(cancellationToken);
        var room = await reader.GetAsync(command.UserId, roomId, cancellationToken);
        if (created)
        {
            await notifier.RoomCreatedAsync(roomId, room!.LastSeq, cancellationToken);
        }

        return new OpenDirectRoomResult(room!, created);
    }

    private async Task<bool> TryCreateAsync(OpenDirectRoomCommand command, string key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var room = new Room { Id = ids.NewId(), Kind = RoomKind.Direct, DirectKey = key, CreatedAt = now, LastActivityAt = now };
        RoomCreation.AddMembers(db, room, [command.UserId, command.OtherUserId], ownerId: null, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The other person opened the same room at the same moment: the unique direct key kept one.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
