using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.CreateGroupRoom;

internal sealed record CreateGroupRoomRequest(string Name, IReadOnlyList<Guid>? MemberIds);

internal sealed record CreateGroupRoomCommand(Guid UserId, string Name, IReadOnlyList<Guid> MemberIds) : ICommand<Result<RoomResponse>>;

internal sealed class CreateGroupRoomValidator : AbstractValidator<CreateGroupRoomCommand>
{
    public CreateGroupRoomValidator(IOptions<ChatOptions> options)
    {
        RuleFor(c => c.Name).SafeName(Room.NameMaxLength);
        RuleFor(c => c.MemberIds)
            .Must(ids => ids.Distinct().Count(id => id != Guid.Empty) + 1 <= options.Value.MaxRoomMembers)
            .WithMessage($"A room has at most {options.Value.MaxRoomMembers} members, you included.");
    }
}

/// <summary>
/// Creates a group room owned by the caller, with the given members (the caller is added; duplicates are ignored). The
/// members are told once it is committed.
/// </summary>
internal sealed class CreateGroupRoomHandler(
    ChatDbContext db, IUserDirectory users, RoomReader reader, ChatNotifier notifier, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<CreateGroupRoomCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(CreateGroupRoomCommand command, CancellationToken cancellationToken)
    {
        var others = command.MemberIds.Where(id => id != command.UserId).Distinct().ToList();
        var known = await users.GetUsersAsync(others, cancellationToken);
        var unknown = others.Where(id => !known.TryGetValue(id, out var user) || user.Deactivated).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("memberIds", "No such users: " + string.Join(", ", unknown) + ".");
        }

        var now = timeProvider.GetUtcNowForStorage();
        var room = new Room
        {
            Id = ids.NewId(), Kind = RoomKind.Group, Name = UserText.Normalize(command.Name, UserTextKind.Name).Trim(), OwnerId = command.UserId, CreatedAt = now, LastActivityAt = now,
        };
        RoomCreation.AddMembers(db, room, [command.UserId, .. others], command.UserId, now);
        await db.SaveChangesAsync(cancellationToken); // the room as returned is read back from the database
        afterCommit.Run(ct => notifier.RoomCreatedAsync(room.Id, room.LastSeq, ct));
        return (await reader.GetAsync(command.UserId, room.Id, cancellationToken))!;
    }
}
