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

    /// <summary>A member's role changed (<c>userId</c>: the member; the new role in the event's detail).</summary>
    public const string MemberRoleChanged = "member.role_changed";

    /// <summary>The group's name, topic or picture changed (<c>userId</c>: who changed it; the room shows the new value).</summary>
    public const string RoomRenamed = "room.renamed";
    public const string RoomTopicChanged = "room.topic_changed";
    public const string RoomPictureChanged = "room.picture_changed";
}
