namespace ChatApp.Modules.Chat;

/// <summary>Configuration section <c>Chat</c>.</summary>
internal sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>Most members a group room may have, its owner included.</summary>
    public int MaxRoomMembers { get; set; } = 500;

    /// <summary>Most events a sync returns for one room; past this the room is marked truncated and the app reloads recent history.</summary>
    public int SyncMaxEventsPerRoom { get; set; } = 500;
}
