namespace ChatApp.Modules.Chat;

/// <summary>The Chat module's expected failures, with stable codes the mobile app can switch on.</summary>
internal static class ChatErrors
{
    /// <summary>Also what a non-member gets for a room that exists: a non-member learns nothing about it.</summary>
    public static readonly Error RoomNotFound = Error.NotFound("chat.room_not_found", "No such room.");

    public static readonly Error MessageNotFound = Error.NotFound("chat.message_not_found", "No such message in this room.");

    public static readonly Error NotMessageSender = Error.Forbidden("chat.not_message_sender", "Only the sender can change a message.");

    public static readonly Error MessageDeleted = Error.Conflict("chat.message_deleted", "The message was deleted.");

    public static readonly Error NotAGroup = Error.Conflict("chat.not_a_group", "Direct rooms have exactly their two people.");

    public static readonly Error NotRoomOwner = Error.Forbidden("chat.not_room_owner", "Only the room's owner can do this.");

    public static readonly Error NotRoomAdmin = Error.Forbidden("chat.not_room_admin", "Only the room's owner or an admin can do this.");

    /// <summary>An admin tried to remove the owner or another admin.</summary>
    public static readonly Error CannotRemoveManager = Error.Forbidden(
        "chat.cannot_remove_admin", "Admins remove members only; only the owner removes an admin, and nobody removes the owner.");

    /// <summary>The owner's role changes only by handing ownership on.</summary>
    public static readonly Error OwnerRoleFixed = Error.Conflict(
        "chat.owner_role_fixed", "The owner's role changes only by transferring ownership to another member.");

    /// <summary>An owner or admin removed me from the room; only being added again lets me back in.</summary>
    public static readonly Error RemovedFromRoom = Error.Forbidden(
        "chat.removed_from_room", "You were removed from this room; a member who manages it can add you again.");

    public static readonly Error RoomFull = Error.Conflict("chat.room_full", "The room has reached its member limit.");

    public static readonly Error InvalidRoomPicture = Error.Validation(
        "chat.invalid_room_picture", "The room picture must be one of your own images uploaded with purpose 'avatar'.",
        new Dictionary<string, string[]> { ["mediaId"] = ["Not one of your avatar images."] });

    public static readonly Error InviteNotFound = Error.NotFound("chat.invite_not_found", "No such invite link.");

    public static readonly Error InviteExpired = Error.Conflict("chat.invite_expired", "This invite link has expired.");

    public static readonly Error InviteRevoked = Error.Conflict("chat.invite_revoked", "This invite link was revoked.");

    public static readonly Error InviteUsedUp = Error.Conflict("chat.invite_used_up", "This invite link has been used as many times as it allows.");

    public static readonly Error OwnInvite = Error.Conflict("chat.own_invite", "This is your own personal link.");

    public static readonly Error TooManyInvites = Error.Conflict("chat.too_many_invites", "Revoke some invite links before making more.");

    public static readonly Error MemberNotFound = Error.NotFound("chat.member_not_found", "This person is not a member of the room.");

    public static readonly Error UserNotFound = Error.NotFound("chat.user_not_found", "No such user.");

    public static Error InvalidAttachments(IEnumerable<Guid> mediaIds) => Error.Validation(
        "chat.invalid_attachment",
        "Attachments must be your own pictures uploaded with purpose 'chat'.",
        new Dictionary<string, string[]> { ["attachments"] = mediaIds.Select(id => $"{id} is not one of your chat pictures.").ToArray() });

    public static readonly Error Blocked = Error.Forbidden("chat.blocked", "You cannot message this person.");

    /// <summary>A direct room whose other person deleted their account: its history stays readable, nothing new is stored.</summary>
    public static readonly Error PartnerDeleted = Error.Conflict(
        "chat.partner_deleted", "This person deleted their account: the conversation stays readable but cannot go on.");

    public static readonly Error RateLimited = Error.TooManyRequests(
        "chat.rate_limited", "You are sending too fast. Wait a moment and retry with the same client message id.") with { RetryAfter = TimeSpan.FromSeconds(1) };

    /// <summary>The server's send queue is full: nothing was stored; retry after the hint with the same client message id.</summary>
    public static Error Overloaded(TimeSpan retryAfter) => Error.TooManyRequests(
        "chat.overloaded", $"The server is busy. Retry in {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s with the same client message id.")
        with { RetryAfter = retryAfter, ServerCondition = true };

    /// <summary>This server is shutting down: nothing was stored; reconnect (to another instance) and retry with the same client message id.</summary>
    public static readonly Error ServerRestarting = Error.Unavailable(
        "chat.server_restarting", "This server is restarting. Reconnect and retry with the same client message id.") with { RetryAfter = TimeSpan.FromSeconds(1) };

    public static readonly Error ClientMessageIdReused = Error.Conflict(
        "chat.client_message_id_reused", "This client message id was already used for a message in another room.");
}
