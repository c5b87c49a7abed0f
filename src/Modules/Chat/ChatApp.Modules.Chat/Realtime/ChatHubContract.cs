using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// The hub contract as data: which payload each server-to-client event carries, and the codes a refused call can carry.
/// <c>docs/contract/chat-hub.d.ts</c> is generated from it and from <see cref="ChatHub"/>'s public methods
/// (tests/ChatApp.UnitTests/Contracts), and a test fails when they drift. Adding an event to <see cref="ChatEvents"/>
/// means adding its payload here.
/// </summary>
internal static class ChatHubContract
{
    public static readonly IReadOnlyDictionary<string, Type> Events = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        // Frames of one or more messages of one room, in seq order (MessageBroadcaster).
        [ChatEvents.MessagesCreated] = typeof(IReadOnlyList<MessageResponse>),
        [ChatEvents.ReadPositionChanged] = typeof(ReadPositionChangedEvent),
        [ChatEvents.RoomCreated] = typeof(RoomCreatedEvent),
        [ChatEvents.MessageUpdated] = typeof(MessageUpdatedEvent),
        [ChatEvents.MembershipChanged] = typeof(MembershipChangedEvent),
        [ChatEvents.RoomChanged] = typeof(RoomChangedEvent),
        [ChatEvents.ReactionChanged] = typeof(ReactionChangedEvent),
        [ChatEvents.Typing] = typeof(TypingEvent),
        [ChatEvents.PresenceChanged] = typeof(PresenceChangedEvent),
        [ChatEvents.ModerationNotice] = typeof(ModerationNoticeEvent),
    };

    /// <summary>
    /// Codes the hub's methods answer (<see cref="ChatHub"/>'s <c>HubError</c>, <see cref="HubErrorLogging"/>); the
    /// pipeline may add others (e.g. a suspended account), so clients must accept an unknown code too.
    /// </summary>
    public static readonly IReadOnlyList<string> ErrorCodes =
    [
        ChatErrors.RoomNotFound.Code,
        ChatErrors.Blocked.Code,
        ChatErrors.PartnerDeleted.Code,
        ChatErrors.ClientMessageIdReused.Code,
        ChatErrors.InvalidAttachments([]).Code,
        ChatErrors.RateLimited.Code,
        ChatErrors.Overloaded(TimeSpan.Zero).Code,
        ChatErrors.ServerRestarting.Code,
        "validation_failed",
        ProblemCodes.InternalError,
    ];

    /// <summary>Where the code sits in a refused call's error message (docs/api.md, realtime section).</summary>
    public const string ErrorMessagePattern = @"HubException: ([a-z_]+(?:\.[a-z_]+)*): (.*)$";
}
