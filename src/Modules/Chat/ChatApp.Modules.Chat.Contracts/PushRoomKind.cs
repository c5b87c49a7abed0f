namespace ChatApp.Modules.Chat.Contracts;

/// <summary>Whether a room is a conversation of two people or a named group.</summary>
public enum PushRoomKind
{
    Direct = 1,
    Group = 2,
}
