namespace ChatApp.Modules.Chat.Invites;

/// <summary>
/// An invite link as its makers see it. <c>kind</c>: <c>group</c> (joins <c>roomId</c>) or <c>personal</c> (opens a
/// direct chat with <c>createdBy</c>); <c>url</c>: the public link (what the QR codes encode); <c>status</c>:
/// <c>active</c>, <c>expired</c>, <c>revoked</c> or <c>used_up</c>.
/// </summary>
internal sealed record InviteResponse(
    string Code,
    string Url,
    [property: WireValues("group", "personal")] string Kind,
    Guid? RoomId,
    Guid CreatedBy,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int? MaxUses,
    int Uses,
    DateTime? RevokedAt,
    [property: WireValues(InviteRules.Active, InviteRules.Expired, InviteRules.Revoked, InviteRules.UsedUp)] string Status)
{
    public static InviteResponse From(Invite invite, string url, DateTime now) => new(
        invite.Code, url, invite.RoomId is null ? "personal" : "group", invite.RoomId, invite.CreatedBy, invite.CreatedAt, invite.ExpiresAt,
        invite.MaxUses, invite.Uses, invite.RevokedAt, InviteRules.StatusOf(invite, now));
}
