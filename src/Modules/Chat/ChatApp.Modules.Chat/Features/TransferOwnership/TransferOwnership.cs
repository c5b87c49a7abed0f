using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.TransferOwnership;

internal sealed record TransferOwnershipRequest(Guid UserId);

internal sealed record TransferOwnershipCommand(Guid UserId, Guid RoomId, Guid NewOwnerId) : ICommand<Result<RoomResponse>>;

internal sealed class TransferOwnershipValidator : AbstractValidator<TransferOwnershipCommand>
{
    public TransferOwnershipValidator() =>
        RuleFor(c => c.NewOwnerId).NotEqual(Guid.Empty).NotEqual(c => c.UserId).OverridePropertyName("userId")
            .WithMessage("Name another member of the room.");
}

/// <summary>
/// The owner hands the room to another member, who becomes the owner; the previous owner stays as an admin. Two
/// <c>member.role_changed</c> events (the new owner's, then the previous owner's), told to the members once committed.
/// The new owner must be a member whose account is active (a deactivated one answers as no such member).
/// </summary>
internal sealed class TransferOwnershipHandler(
    ChatDbContext db, IUserDirectory users, RoomReader reader, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, TimeProvider timeProvider)
    : ICommandHandler<TransferOwnershipCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(TransferOwnershipCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.FindAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        await RoomSequence.LockAsync(db, command.RoomId, cancellationToken);
        var members = await db.RoomMembers.Where(m => m.RoomId == command.RoomId && (m.UserId == command.UserId || m.UserId == command.NewOwnerId)).ToListAsync(cancellationToken);
        var owner = members.SingleOrDefault(m => m.UserId == command.UserId);
        if (owner?.Role != MemberRole.Owner)
        {
            return ChatErrors.NotRoomOwner;
        }

        var heir = members.SingleOrDefault(m => m.UserId == command.NewOwnerId);
        if (heir is null || !await users.IsActiveAsync(heir.UserId, cancellationToken))
        {
            return ChatErrors.MemberNotFound; // a deactivated member could not manage the room
        }

        var now = timeProvider.GetUtcNowForStorage();
        heir.Role = MemberRole.Owner;
        owner.Role = MemberRole.Admin;
        await db.Rooms.Where(r => r.Id == command.RoomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, command.NewOwnerId), cancellationToken);
        var promoted = await RoomChanges.RecordAsync(db, command.RoomId, RoomEventKinds.MemberRoleChanged, heir.UserId, MemberRole.Owner, now, cancellationToken);
        var stepped = await RoomChanges.RecordAsync(db, command.RoomId, RoomEventKinds.MemberRoleChanged, owner.UserId, MemberRole.Admin, now, cancellationToken);
        cards.ForgetAfterCommit(afterCommit, command.RoomId);
        afterCommit.Run(async ct =>
        {
            await notifier.RoomChangedAsync(promoted, ct);
            await notifier.RoomChangedAsync(stepped, ct);
        });
        await db.SaveChangesAsync(cancellationToken); // the room as returned shows the new roles
        return (await reader.GetAsync(command.UserId, command.RoomId, cancellationToken))!;
    }
}
