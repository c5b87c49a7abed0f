namespace ChatApp.Modules.Chat.Domain;

internal enum RoomKind
{
    Direct = 1,
    Group = 2,
}
