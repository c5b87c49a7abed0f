using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>
/// The FCM HTTP v1 request body of a push. An alert has a notification (title, body) that Android shows even when the
/// app is not running, tagged with the room so a newer one replaces it; a clear is data-only at normal priority (the
/// app lowers its badge and withdraws the room's notification). Data values are strings, as FCM requires.
/// </summary>
internal static class FcmMessage
{
    public const string TimeToLive = "86400s";

    /// <summary>The body as bytes, shortened to fit FCM's 4096-byte limit; null if even an empty text does not fit.</summary>
    public static byte[]? Build(string token, PushMessage message) =>
        PushTextFitter.Fit(message.Title, message.Body, PushTextFitter.MaxPayloadBytes, (title, body) => Serialize(token, message, title, body));

    private static byte[] Serialize(string token, PushMessage message, string? title, string? body)
    {
        var roomId = message.RoomId.ToString("N");
        var alert = message.Kind == PushKind.Alert;
        var data = new JsonObject
        {
            ["type"] = alert ? "message" : "read",
            ["roomId"] = roomId,
            ["seq"] = message.Seq.ToString(CultureInfo.InvariantCulture),
        };
        if (alert && message.MessageId is { } messageId)
        {
            data["messageId"] = messageId.ToString("N");
        }

        data["badge"] = message.Badge.ToString(CultureInfo.InvariantCulture);

        var android = new JsonObject
        {
            ["priority"] = alert ? "HIGH" : "NORMAL",
            ["collapse_key"] = roomId,
            ["ttl"] = TimeToLive,
        };
        var fields = new JsonObject { ["token"] = token };
        if (alert)
        {
            var notification = new JsonObject();
            if (title is not null)
            {
                notification["title"] = title;
            }

            if (body is not null)
            {
                notification["body"] = body;
            }

            fields["notification"] = notification;
            android["notification"] = new JsonObject { ["tag"] = roomId, ["notification_count"] = message.Badge };
        }

        fields["data"] = data;
        fields["android"] = android;
        return PushJson.Serialize(new JsonObject { ["message"] = fields });
    }
}
