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
