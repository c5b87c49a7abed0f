using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.OpenDirectRoom;

/// <summary>Gets or creates the one direct room of a pair.</summary>
internal sealed record OpenDirectRoomCommand(Guid UserId, Guid OtherUserId) : ICommand<Result<OpenDirectRoomResult>>;

internal sealed record OpenDirectRoomResult(RoomResponse Room, bool Created);

internal sealed class OpenDirectRoomValidator : AbstractValidator<OpenDirectRoomCommand>
{
    public OpenDirectRoomValidator() =>
        RuleFor(c => c.OtherUserId).NotEqual(c => c.UserId).OverridePropertyName("userId").WithMessage("You cannot open a direct room with yourself.");
}

/// <summary>
/// When both people open their room at the same moment, the unique direct key keeps one: the other's insert fails, the
/// unit of work runs this handler again and it finds the room.
/// </summary>
internal sealed class OpenDirectRoomHandler(
    ChatDbContext db, IUserDirectory users, RoomReader reader, ChatNotifier notifier, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
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
        var roomId = await db.Rooms.Where(r => r.DirectKey == key).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var created = roomId is null;
        if (created)
        {
            var now = timeProvider.GetUtcNowForStorage();
            var room = new Room { Id = ids.NewId(), Kind = RoomKind.Direct, DirectKey = key, CreatedAt = now, LastActivityAt = now };
            RoomCreation.AddMembers(db, room, [command.UserId, command.OtherUserId], ownerId: null, now);
            await db.SaveChangesAsync(cancellationToken); // the room as returned is read back from the database
            roomId = room.Id;
            afterCommit.Run(ct => notifier.RoomCreatedAsync(room.Id, room.LastSeq, ct));
        }

        var response = await reader.GetAsync(command.UserId, roomId!.Value, cancellationToken);
        return new OpenDirectRoomResult(response!, created);
    }
}
