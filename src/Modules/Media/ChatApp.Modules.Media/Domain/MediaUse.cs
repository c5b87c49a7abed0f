namespace ChatApp.Modules.Media.Domain;

/// <summary>Something that shows an image: <c>message:{id}</c>, <c>avatar:{userId}</c> or <c>room:{roomId}</c> (a group room's picture). An image without uses can be deleted.</summary>
internal sealed class MediaUse
{
    public const int HolderMaxLength = 80;

    public Guid MediaId { get; set; }

    public string Holder { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public static string ForMessage(Guid messageId) => "message:" + messageId.ToString("N");

    public static string ForAvatar(Guid userId) => "avatar:" + userId.ToString("N");

    public static string ForRoomPicture(Guid roomId) => "room:" + roomId.ToString("N");
}
