using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Chat.Invites;

/// <summary>
/// Finds an invite by the code in a URL, refusing ones that cannot be used now with their reason; a link of a group room
/// left empty (no owner) is not found.
/// </summary>
internal static class InviteLookup
{
    public static async Task<Result<Invite>> FindUsableAsync(ChatDbContext db, string code, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var invite = await InviteCodes.FindAsync(db.Invites.AsNoTracking(), code, cancellationToken);
        if (invite is null)
        {
            return ChatErrors.InviteNotFound;
        }

        if (invite.RoomId is { } roomId && await db.Rooms.Where(r => r.Id == roomId).Select(r => r.OwnerId).SingleOrDefaultAsync(cancellationToken) is null)
        {
            return ChatErrors.InviteNotFound; // the room was left empty (its links were revoked): it is as good as gone
        }

        return InviteRules.Refusal(invite, timeProvider.GetUtcNowForStorage()) is { } refusal ? refusal : invite;
    }
}
