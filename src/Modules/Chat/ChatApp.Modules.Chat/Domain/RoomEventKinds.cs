namespace ChatApp.Modules.Chat.Domain;

internal static class RoomEventKinds
{
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string MessageCreated = "message.created";
    public const string MessageEdited = "message.edited";
    public const string MessageDeleted = "message.deleted";
    public const string ReactionAdded = "reaction.added";
    public const string ReactionRemoved = "reaction.removed";
}
