using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Invites;

/// <summary>An invite link's state and what a use of it needs.</summary>
internal static class InviteRules
{
    public const string Active = "active";
    public const string Expired = "expired";
    public const string Revoked = "revoked";
    public const string UsedUp = "used_up";

    public static string StatusOf(Invite invite, DateTime now) =>
        invite.RevokedAt is not null ? Revoked
        : invite.ExpiresAt <= now ? Expired
        : invite.MaxUses is { } max && invite.Uses >= max ? UsedUp
        : Active;

    /// <summary>Null when the invite may be used now, else why not.</summary>
    public static Error? Refusal(Invite invite, DateTime now) => StatusOf(invite, now) switch
    {
        Revoked => ChatErrors.InviteRevoked,
        Expired => ChatErrors.InviteExpired,
        UsedUp => ChatErrors.InviteUsedUp,
        _ => null,
    };

    /// <summary>
    /// Counts one use, atomically: a single conditional UPDATE, so parallel joins on a link with <c>maxUses = k</c> admit
    /// exactly k whatever the isolation level. False when the invite was no longer usable.
    /// </summary>
    public static async Task<bool> TryUseAsync(ChatDbContext db, Guid inviteId, DateTime now, CancellationToken cancellationToken) =>
        await db.Invites
            .Where(i => i.Id == inviteId && i.RevokedAt == null && (i.ExpiresAt == null || i.ExpiresAt > now) && (i.MaxUses == null || i.Uses < i.MaxUses))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1), cancellationToken) == 1;

    /// <summary>Links in force of one room (or, <paramref name="roomId"/> null, one person's personal links).</summary>
    public static Task<int> CountActiveAsync(ChatDbContext db, Guid? roomId, Guid createdBy, DateTime now, CancellationToken cancellationToken) =>
        db.Invites.CountAsync(
            i => (roomId == null ? i.RoomId == null && i.CreatedBy == createdBy : i.RoomId == roomId)
                 && i.RevokedAt == null && (i.ExpiresAt == null || i.ExpiresAt > now) && (i.MaxUses == null || i.Uses < i.MaxUses),
            cancellationToken);

    /// <summary>
    /// Revokes at once the room's links still unrevoked: all of them, or (<paramref name="createdBy"/> set) those one
    /// person made. Called under the room's lock when a room is left empty or a manager stops managing it.
    /// </summary>
    public static Task<int> RevokeAllAsync(ChatDbContext db, Guid roomId, Guid? createdBy, DateTime now, CancellationToken cancellationToken) =>
        db.Invites
            .Where(i => i.RoomId == roomId && i.RevokedAt == null && (createdBy == null || i.CreatedBy == createdBy))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);

    public static string LinkOf(IOptions<ChatOptions> options, string code) => options.Value.InviteLinkBaseUrl.TrimEnd('/') + "/" + code;
}
