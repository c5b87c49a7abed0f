namespace ChatApp.Modules.Chat.Domain;

internal enum MemberRole
{
    Member = 0,
    Owner = 1,
    Admin = 2,
}
