using System.Text.Json.Nodes;

namespace ChatApp.Modules.Notifications.Providers.Apns;

/// <summary>
/// The APNs JSON payload of a push. An alert: <c>aps {alert {title, body}, badge, sound, thread-id = room}</c> and the
/// room, seq, message and type beside it. A clear is a background push: <c>aps {content-available: 1}</c> only (Apple
/// forbids alert, sound and badge there), with the badge, type, room and seq as custom keys for the app, which sets its
/// badge and withdraws the room's notifications (thread-id) itself.
/// </summary>
internal static class ApnsPayload
{
    /// <summary>The payload shortened to fit APNs' 4096-byte limit; null if even an empty text does not fit.</summary>
    public static byte[]? Build(PushMessage message) =>
        PushTextFitter.Fit(message.Title, message.Body, PushTextFitter.MaxPayloadBytes, (title, body) => Serialize(message, title, body));

    private static byte[] Serialize(PushMessage message, string? title, string? body)
    {
        var roomId = message.RoomId.ToString("N");
        JsonObject payload;
        if (message.Kind == PushKind.Alert)
        {
            var alert = new JsonObject();
            if (title is not null)
            {
                alert["title"] = title;
            }

            if (body is not null)
            {
                alert["body"] = body;
            }

            payload = new JsonObject
            {
                ["aps"] = new JsonObject
                {
                    ["alert"] = alert,
                    ["badge"] = message.Badge,
                    ["sound"] = "default",
                    ["thread-id"] = roomId,
                },
                ["type"] = "message",
                ["roomId"] = roomId,
                ["seq"] = message.Seq,
            };
            if (message.MessageId is { } messageId)
            {
                payload["messageId"] = messageId.ToString("N");
            }
        }
        else
        {
            payload = new JsonObject
            {
                ["aps"] = new JsonObject { ["content-available"] = 1 },
                ["type"] = "read",
                ["roomId"] = roomId,
                ["seq"] = message.Seq,
                ["badge"] = message.Badge,
            };
        }

        return PushJson.Serialize(payload);
    }
}
