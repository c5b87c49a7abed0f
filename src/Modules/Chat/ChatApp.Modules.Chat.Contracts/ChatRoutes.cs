namespace ChatApp.Modules.Chat.Contracts;

/// <summary>Public routes of the Chat module.</summary>
public static class ChatRoutes
{
    public const string Chat = "/api/v1/chat";
    public const string Rooms = Chat + "/rooms";
    public const string Invites = Chat + "/invites";
}
