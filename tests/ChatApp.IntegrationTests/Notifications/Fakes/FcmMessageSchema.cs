using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>
/// The checks FCM HTTP v1 makes on a send request's body (the parts a server sends): known fields only (proto JSON
/// takes snake_case and lowerCamelCase), exactly one target, string data values, the Android priority enum and a
/// duration like "3600s". Returns the first violation as FCM names it (field path, description), or null.
/// </summary>
internal static partial class FcmMessageSchema
{
    private static readonly HashSet<string> RootFields = ["message", "validate_only", "validateOnly"];
    private static readonly HashSet<string> MessageFields = ["name", "data", "notification", "android", "webpush", "apns", "fcm_options", "fcmOptions", "token", "topic", "condition"];
    private static readonly HashSet<string> NotificationFields = ["title", "body", "image"];
    private static readonly HashSet<string> AndroidFields =
        ["collapse_key", "collapseKey", "priority", "ttl", "restricted_package_name", "restrictedPackageName", "data", "notification", "fcm_options", "fcmOptions", "direct_boot_ok", "directBootOk"];

    private static readonly HashSet<string> AndroidNotificationFields =
    [
        "title", "body", "icon", "color", "sound", "tag", "click_action", "clickAction", "body_loc_key", "bodyLocKey", "body_loc_args", "bodyLocArgs",
        "title_loc_key", "titleLocKey", "title_loc_args", "titleLocArgs", "channel_id", "channelId", "ticker", "sticky", "event_time", "eventTime",
        "local_only", "localOnly", "notification_priority", "notificationPriority", "default_sound", "defaultSound", "default_vibrate_timings",
        "defaultVibrateTimings", "default_light_settings", "defaultLightSettings", "vibrate_timings", "vibrateTimings", "visibility",
        "notification_count", "notificationCount", "light_settings", "lightSettings", "image", "bypass_proxy_notification", "bypassProxyNotification",
    ];

    public static (string Field, string Description)? Check(JsonNode? root)
    {
        if (root is not JsonObject body)
        {
            return ("", "Invalid JSON payload received. Expected an object.");
        }

        if (Unknown(body, RootFields, "") is { } unknownRoot)
        {
            return unknownRoot;
        }

        if (body["message"] is not JsonObject message)
        {
            return ("message", "Invalid JSON payload received. 'message' must be an object.");
        }

        if (Unknown(message, MessageFields, "message") is { } unknown)
        {
            return unknown;
        }

        var targets = new[] { "token", "topic", "condition" }.Count(message.ContainsKey);
        if (targets != 1)
        {
            return ("message", "Exactly one of token, topic or condition must be specified.");
        }

        foreach (var target in new[] { "token", "topic", "condition" }.Where(message.ContainsKey))
        {
            if (!IsString(message[target]) || message[target]!.GetValue<string>().Length == 0)
            {
                return ("message." + target, $"Invalid value at 'message.{target}' (TYPE_STRING).");
            }
        }

        if (StringMap(message, "data", "message.data") is { } data)
        {
            return data;
        }

        if (message["notification"] is { } notificationNode)
        {
            if (notificationNode is not JsonObject notification)
            {
                return ("message.notification", "Invalid value at 'message.notification': expected an object.");
            }

            if (Unknown(notification, NotificationFields, "message.notification") is { } unknownNotification)
            {
                return unknownNotification;
            }

            if (notification.FirstOrDefault(p => !IsString(p.Value)) is { Key: { } badKey })
            {
                return ("message.notification." + badKey, $"Invalid value at 'message.notification.{badKey}' (TYPE_STRING).");
            }
        }

        return message["android"] is { } android ? CheckAndroid(android) : null;
    }

    private static (string Field, string Description)? CheckAndroid(JsonNode node)
    {
        if (node is not JsonObject android)
        {
            return ("message.android", "Invalid value at 'message.android': expected an object.");
        }

        if (Unknown(android, AndroidFields, "message.android") is { } unknown)
        {
            return unknown;
        }

        if (android["priority"] is { } priority && !(IsString(priority) && priority.GetValue<string>() is "NORMAL" or "HIGH"))
        {
            return ("message.android.priority", $"Invalid value at 'message.android.priority' (type.googleapis.com/google.firebase.fcm.v1.AndroidMessagePriority), {priority.ToJsonString()}");
        }

        if (android["ttl"] is { } ttl && !(IsString(ttl) && Duration().IsMatch(ttl.GetValue<string>())))
        {
            return ("message.android.ttl", $"Invalid value at 'message.android.ttl' (type.googleapis.com/google.protobuf.Duration), {ttl.ToJsonString()}");
        }

        foreach (var name in new[] { "collapse_key", "collapseKey", "restricted_package_name", "restrictedPackageName" })
        {
            if (android[name] is { } value && !IsString(value))
            {
                return ("message.android." + name, $"Invalid value at 'message.android.{name}' (TYPE_STRING).");
            }
        }

        if (StringMap(android, "data", "message.android.data") is { } data)
        {
            return data;
        }

        if (android["notification"] is not { } notificationNode)
        {
            return null;
        }

        if (notificationNode is not JsonObject notification)
        {
            return ("message.android.notification", "Invalid value at 'message.android.notification': expected an object.");
        }

        if (Unknown(notification, AndroidNotificationFields, "message.android.notification") is { } unknownField)
        {
            return unknownField;
        }

        foreach (var name in new[] { "title", "body", "tag", "channel_id", "channelId", "sound", "icon", "color", "click_action", "clickAction" })
        {
            if (notification[name] is { } value && !IsString(value))
            {
                return ("message.android.notification." + name, $"Invalid value at 'message.android.notification.{name}' (TYPE_STRING).");
            }
        }

        foreach (var name in new[] { "notification_count", "notificationCount" })
        {
            if (notification[name] is { } count && !(count is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out _)))
            {
                return ("message.android.notification." + name, $"Invalid value at 'message.android.notification.{name}' (TYPE_INT32), {count.ToJsonString()}");
            }
        }

        return null;
    }

    private static (string Field, string Description)? Unknown(JsonObject node, HashSet<string> known, string path) =>
        node.Select(p => p.Key).FirstOrDefault(key => !known.Contains(key)) is { } name
            ? (path, $"Invalid JSON payload received. Unknown name \"{name}\" at '{path}': Cannot find field.")
            : null;

    private static (string Field, string Description)? StringMap(JsonObject parent, string name, string path)
    {
        if (parent[name] is not { } node)
        {
            return null;
        }

        if (node is not JsonObject map)
        {
            return (path, $"Invalid value at '{path}': expected a map of strings.");
        }

        var index = 0;
        foreach (var (_, value) in map)
        {
            if (!IsString(value))
            {
                return ($"{path}[{index}].value", $"Invalid value at '{path}[{index}].value' (TYPE_STRING), {value?.ToJsonString() ?? "null"}");
            }

            index++;
        }

        return null;
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    [GeneratedRegex(@"^\d+(\.\d{1,9})?s$")]
    private static partial Regex Duration();
}
