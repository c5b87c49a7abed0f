using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ChangeMemberRole;

/// <summary><c>role</c>: <c>admin</c> or <c>member</c> (ownership moves with transfer ownership).</summary>
internal sealed record ChangeMemberRoleRequest([property: WireValues(RoomRoles.Admin, RoomRoles.Member)] string? Role);

internal sealed record ChangeMemberRoleCommand(Guid UserId, Guid RoomId, Guid MemberId, string Role) : ICommand<Result<RoomResponse>>;

internal sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRoleCommand>
{
    public ChangeMemberRoleValidator() =>
        RuleFor(c => c.Role).Must(role => RoomRoles.Parse(role) is MemberRole.Admin or MemberRole.Member)
            .OverridePropertyName("role").WithMessage("'role' is 'admin' or 'member'.");
}

/// <summary>
/// The owner makes a member an admin or an admin a member again: a <c>member.role_changed</c> event with the room's next
/// sequence number, told to the members once committed. Setting the role a member already has changes nothing.
/// </summary>
internal sealed class ChangeMemberRoleHandler(
    ChatDbContext db, RoomReader reader, ChatNotifier notifier, RoomCards cards, AfterCommit afterCommit, TimeProvider timeProvider)
    : ICommandHandler<ChangeMemberRoleCommand, Result<RoomResponse>>
{
    public async ValueTask<Result<RoomResponse>> Handle(ChangeMemberRoleCommand command, CancellationToken cancellationToken)
    {
        var room = await GroupRooms.FindAsync(db, command.UserId, command.RoomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room.Error;
        }

        await RoomSequence.LockAsync(db, command.RoomId, cancellationToken);
        var members = await db.RoomMembers.Where(m => m.RoomId == command.RoomId && (m.UserId == command.UserId || m.UserId == command.MemberId)).ToListAsync(cancellationToken);
        if (members.SingleOrDefault(m => m.UserId == command.UserId)?.Role != MemberRole.Owner)
        {
            return ChatErrors.NotRoomOwner;
        }

        var member = members.SingleOrDefault(m => m.UserId == command.MemberId);
        if (member is null)
        {
            return ChatErrors.MemberNotFound;
        }

        if (member.Role == MemberRole.Owner)
        {
            return ChatErrors.OwnerRoleFixed;
        }

        var role = RoomRoles.Parse(command.Role)!.Value;
        if (member.Role != role)
        {
            var now = timeProvider.GetUtcNowForStorage();
            if (member.Role == MemberRole.Admin)
            {
                await InviteRules.RevokeAllAsync(db, command.RoomId, member.UserId, now, cancellationToken); // a demoted admin's links stop working
            }

            member.Role = role;
            var change = await RoomChanges.RecordAsync(
                db, command.RoomId, RoomEventKinds.MemberRoleChanged, member.UserId, role, now, cancellationToken);
            cards.ForgetAfterCommit(afterCommit, command.RoomId);
            afterCommit.Run(ct => notifier.RoomChangedAsync(change, ct));
            await db.SaveChangesAsync(cancellationToken); // the room as returned shows the new role
        }

        return (await reader.GetAsync(command.UserId, command.RoomId, cancellationToken))!;
    }
}
