using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.AddMembers;

internal sealed record AddMembersRequest(IReadOnlyList<Guid>? UserIds);

internal sealed record AddMembersCommand(Guid UserId, Guid RoomId, IReadOnlyList<Guid> NewMemberIds) : ICommand<Result<RoomResponse>>;

internal sealed class AddMembersValidator : AbstractValidator<AddMembersCommand>
{
    public AddMembersValidator() => RuleFor(c => c.NewMemberIds).NotEmpty().OverridePropertyName("userIds");
}

/// <summary>
/// The owner or an admin adds people to a group room. Each joins with its own sequence number and nothing unread; they see the
/// room's history. The members are told once the joins are committed.
/// </summary>
internal sealed class AddMembersHandler(
    ChatDbContext db, IUserDirectory users, RoomReader reader, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, IOptions<ChatOptions> options, TimeProvider timeProvider)
    : ICommandHandler<AddMembersCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(AddMembersCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.LockManagedAsync(db, command.UserId, command.RoomId, cancellationToken); // members are counted under the room's lock
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        var existing = await db.RoomMembers.Where(m => m.RoomId == command.RoomId).Select(m => m.UserId).ToListAsync(cancellationToken);
        var joining = command.NewMemberIds.Distinct().Where(id => !existing.Contains(id)).ToList();
        var known = await users.GetUsersAsync(joining, cancellationToken);
        var unknown = joining.Where(id => !known.TryGetValue(id, out var user) || user.Deactivated).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("userIds", "No such users: " + string.Join(", ", unknown) + ".");
        }

        if (existing.Count + joining.Count > options.Value.MaxRoomMembers)
        {
            return Error.Validation("userIds", $"A room has at most {options.Value.MaxRoomMembers} members.");
        }

        var now = timeProvider.GetUtcNowForStorage();
        foreach (var userId in joining)
        {
            var seq = await RoomSequence.NextAsync(db, command.RoomId, now, lastMessageId: null, cancellationToken);
            db.RoomMembers.Add(new RoomMember { RoomId = command.RoomId, UserId = userId, Role = MemberRole.Member, JoinedAt = now, ReadSeq = seq });
            db.RoomEvents.Add(new RoomEvent
            {
                RoomId = command.RoomId, Seq = seq, Kind = RoomEventKinds.MemberJoined, UserId = userId, Detail = RoomEventDetails.By(command.UserId), OccurredAt = now,
            });
            var joined = new MembershipChangedEvent(command.RoomId, seq, RoomEventKinds.MemberJoined, userId, command.UserId);
            afterCommit.Run(ct => notifier.MembershipChangedAsync(joined, ct));
        }

        if (joining.Count > 0)
        {
            cards.ForgetAfterCommit(afterCommit, command.RoomId);
        }

        await db.SaveChangesAsync(cancellationToken); // the room as returned lists the new members
        return (await reader.GetAsync(command.UserId, command.RoomId, cancellationToken))!;
    }
}
