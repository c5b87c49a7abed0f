using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.ManageMembers;

internal sealed record AddMembersRequest(IReadOnlyList<Guid>? UserIds);

/// <summary>Non-transactional: each join takes a room sequence number in one transaction, and members are told after the commit.</summary>
internal sealed record AddMembersCommand(Guid UserId, Guid RoomId, IReadOnlyList<Guid> NewMemberIds) : ICommand<Result<RoomResponse>>, INonTransactionalCommand;

/// <summary>The owner removes a member, or a member (the owner too) leaves by removing themself.</summary>
internal sealed record RemoveMemberCommand(Guid UserId, Guid RoomId, Guid MemberId) : ICommand<Result>, INonTransactionalCommand;

internal sealed class AddMembersValidator : AbstractValidator<AddMembersCommand>
{
    public AddMembersValidator() => RuleFor(c => c.NewMemberIds).NotEmpty().OverridePropertyName("userIds");
}

/// <summary>The owner adds people to a group room. Each joins with its own sequence number and nothing unread; they see the room's history.</summary>
internal sealed class AddMembersHandler(
    ChatDbContext db, IUserDirectory users, RoomReader reader, ChatNotifier notifier, IOptions<ChatOptions> options, TimeProvider timeProvider)
    : ICommandHandler<AddMembersCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(AddMembersCommand command, CancellationToken cancellationToken)
    {
        var room = await MemberRooms.FindAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        if (room.Value.OwnerId != command.UserId)
        {
            return ChatErrors.NotRoomOwner;
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
        var joined = new List<MembershipChangedEvent>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var userId in joining)
            {
                var seq = await RoomSequence.NextAsync(db, command.RoomId, now, lastMessageId: null, cancellationToken);
                db.RoomMembers.Add(new RoomMember { RoomId = command.RoomId, UserId = userId, Role = MemberRole.Member, JoinedAt = now, ReadSeq = seq });
                db.RoomEvents.Add(new RoomEvent { RoomId = command.RoomId, Seq = seq, Kind = RoomEventKinds.MemberJoined, UserId = userId, OccurredAt = now });
                joined.Add(new MembershipChangedEvent(command.RoomId, seq, RoomEventKinds.MemberJoined, userId));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var change in joined)
        {
            await notifier.MembershipChangedAsync(change, cancellationToken);
        }

        return (await reader.GetAsync(command.UserId, command.RoomId, cancellationToken))!;
    }
}

/// <summary>
/// Removing takes the member's access at once (history, sends, events). When the owner leaves, the longest-standing
/// member becomes the owner.
/// </summary>
internal sealed class RemoveMemberHandler(ChatDbContext db, ChatNotifier notifier, TimeProvider timeProvider) : ICommandHandler<RemoveMemberCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var room = await MemberRooms.FindAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        if (command.MemberId != command.UserId && room.Value.OwnerId != command.UserId)
        {
            return ChatErrors.NotRoomOwner;
        }

        var member = await db.RoomMembers.SingleOrDefaultAsync(m => m.RoomId == command.RoomId && m.UserId == command.MemberId, cancellationToken);
        if (member is null)
        {
            return ChatErrors.MemberNotFound;
        }

        var now = timeProvider.GetUtcNowForStorage();
        long seq;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            seq = await RoomSequence.NextAsync(db, command.RoomId, now, lastMessageId: null, cancellationToken);
            db.RoomMembers.Remove(member);
            db.RoomEvents.Add(new RoomEvent { RoomId = command.RoomId, Seq = seq, Kind = RoomEventKinds.MemberLeft, UserId = command.MemberId, OccurredAt = now });
            if (room.Value.OwnerId == command.MemberId)
            {
                var heir = await db.RoomMembers
                    .Where(m => m.RoomId == command.RoomId && m.UserId != command.MemberId)
                    .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                    .FirstOrDefaultAsync(cancellationToken);
                Guid? newOwner = heir?.UserId;
                if (heir is not null)
                {
                    heir.Role = MemberRole.Owner;
                }

                await db.Rooms.Where(r => r.Id == command.RoomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, newOwner), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.MembershipChangedAsync(new MembershipChangedEvent(command.RoomId, seq, RoomEventKinds.MemberLeft, command.MemberId), cancellationToken);
        return Result.Success();
    }
}

internal static class MemberRooms
{
    public sealed record GroupRoom(Guid? OwnerId);

    /// <summary>A group room I am a member of (a non-member learns nothing; a direct room has fixed members).</summary>
    public static async Task<Result<GroupRoom>> FindAsync(ChatDbContext db, Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking()
            .Where(r => r.Id == roomId && r.Members.Any(m => m.UserId == userId))
            .Select(r => new { r.Kind, r.OwnerId })
            .SingleOrDefaultAsync(cancellationToken);
        if (room is null)
        {
            return ChatErrors.RoomNotFound;
        }

        return room.Kind == RoomKind.Group ? new GroupRoom(room.OwnerId) : ChatErrors.NotAGroup;
    }
}
