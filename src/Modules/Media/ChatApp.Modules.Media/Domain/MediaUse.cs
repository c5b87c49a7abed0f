namespace ChatApp.Modules.Media.Domain;

/// <summary>
/// Something that shows an image: <c>message:{id}</c>, <c>avatar:{userId}</c>, <c>room:{roomId}</c> (a group room's
/// picture) or <c>report:{reportId}</c> (a moderation report's evidence). An image without uses can be deleted.
/// </summary>
internal sealed class MediaUse
{
    public const int HolderMaxLength = 80;

    public Guid MediaId { get; set; }

    public string Holder { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public static string ForMessage(Guid messageId) => "message:" + messageId.ToString("N");

    public static string ForAvatar(Guid userId) => "avatar:" + userId.ToString("N");

    public static string ForRoomPicture(Guid roomId) => "room:" + roomId.ToString("N");

    public static string ForReport(Guid reportId) => "report:" + reportId.ToString("N");
}
