namespace ChatApp.Modules.Chat.Rooms;

/// <summary>What each role of a group room may do, and the roles' names in the API.</summary>
internal static class RoomRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";

    public static string NameOf(MemberRole role) => role switch
    {
        MemberRole.Owner => Owner,
        MemberRole.Admin => Admin,
        _ => Member,
    };

    public static MemberRole? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        Owner => MemberRole.Owner,
        Admin => MemberRole.Admin,
        Member => MemberRole.Member,
        _ => null,
    };

    /// <summary>How members are listed: the owner, then admins, then members.</summary>
    public static int Rank(MemberRole role) => role switch
    {
        MemberRole.Owner => 0,
        MemberRole.Admin => 1,
        _ => 2,
    };

    /// <summary>The owner and admins add members, rename the room, set its topic and picture and make invite links.</summary>
    public static bool Manages(MemberRole role) => role is MemberRole.Owner or MemberRole.Admin;

    /// <summary>The owner removes anyone; an admin removes plain members only (never the owner or another admin).</summary>
    public static bool MayRemove(MemberRole actor, MemberRole target) =>
        actor == MemberRole.Owner || (actor == MemberRole.Admin && target == MemberRole.Member);
}
