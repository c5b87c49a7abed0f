using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Invites;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Who owns a group room when its owner leaves (by leaving or by deleting the account).</summary>
internal static class RoomOwnership
{
    /// <summary>
    /// Called after <paramref name="leavingUserId"/> (the owner) left the room, under the room's lock: the longest-standing
    /// admin becomes the owner, else the longest-standing member (ties by user id), people whose account is active before
    /// deactivated ones (a deactivated owner could not manage the room), with a <c>member.role_changed</c>
    /// event; with nobody left the room has no owner and its invite links are revoked (nobody could manage them). Returns the event to tell, if there was an heir.
    /// </summary>
    public static async Task<RoomChangedEvent?> HandOnAsync(
        ChatDbContext db, IUserDirectory users, Guid roomId, Guid leavingUserId, DateTime now, CancellationToken cancellationToken)
    {
        var candidates = await db.RoomMembers
            .Where(m => m.RoomId == roomId && m.UserId != leavingUserId)
            .OrderByDescending(m => m.Role == MemberRole.Admin).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
            .ToListAsync(cancellationToken);
        var people = candidates.Count > 0 ? await users.GetUsersAsync([.. candidates.Select(m => m.UserId)], cancellationToken) : null;
        var heir = candidates.FirstOrDefault(m => people!.TryGetValue(m.UserId, out var person) && !person.Deactivated) ?? candidates.FirstOrDefault();
        Guid? newOwner = heir?.UserId;
        await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerId, newOwner), cancellationToken);
        if (heir is null)
        {
            await InviteRules.RevokeAllAsync(db, roomId, createdBy: null, now, cancellationToken);
            return null;
        }

        heir.Role = MemberRole.Owner;
        return await RoomChanges.RecordAsync(db, roomId, RoomEventKinds.MemberRoleChanged, heir.UserId, MemberRole.Owner, now, cancellationToken);
    }
}
