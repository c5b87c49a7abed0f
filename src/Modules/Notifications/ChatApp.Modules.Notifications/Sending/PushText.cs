using ChatApp.Modules.Chat.Contracts;

namespace ChatApp.Modules.Notifications.Sending;

/// <summary>
/// The visible part of an alert. Direct room: title = the sender, body = the text. Group: title = the room, body =
/// "Sender: text". Without previews the body is only "New message" (the sender's name stays: it is what the issue and
/// every comparable app show); a message with only a photo says "Photo".
/// </summary>
internal static class PushText
{
    public const string NewMessage = "New message";
    public const string Photo = "Photo";
    public const string SomeoneFallback = "Someone";

    public static (string Title, string Body) Compose(PushRoomContent room, PushMessagePreview message, string? senderName, bool showPreviews)
    {
        var sender = string.IsNullOrWhiteSpace(senderName) ? SomeoneFallback : senderName;
        var content = !showPreviews ? NewMessage
            : !string.IsNullOrWhiteSpace(message.Text) ? message.Text
            : message.HasAttachments ? Photo
            : NewMessage;
        return room.Kind == PushRoomKind.Group
            ? (string.IsNullOrWhiteSpace(room.RoomName) ? sender : room.RoomName!, showPreviews ? $"{sender}: {content}" : content)
            : (sender, content);
    }
}
