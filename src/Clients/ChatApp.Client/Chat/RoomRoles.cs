namespace ChatApp.Client.Chat;

/// <summary>The roles of a group member (<see cref="RoomMember.Role"/>); only admin and member can be set, the owner is handed on.</summary>
public static class RoomRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";
}
