using System.Net;
using System.Text.Json;

namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>
/// What an FCM HTTP v1 answer means for the device. Errors look like
/// <c>{"error":{"code":404,"status":"NOT_FOUND","message":"…","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}</c>;
/// a bad field adds <c>google.rpc.BadRequest</c> with <c>fieldViolations</c>. Only an answer about the token removes the
/// device: a wrong project or a malformed message is our problem, not the phone's.
/// </summary>
internal static class FcmAnswer
{
    private const string FcmErrorType = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    private const string BadRequestType = "type.googleapis.com/google.rpc.BadRequest";

    /// <summary>
    /// The result of an answer other than 401 (the provider renews its token on that). <paramref name="retryAfter"/> is the
    /// answer's <c>Retry-After</c>, if any.
    /// </summary>
    public static PushResult Classify(HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        if (status == HttpStatusCode.OK)
        {
            return PushResult.Sent;
        }

        var error = Read(body);
        var code = (int)status;
        var reason = $"fcm {code} {error.ErrorCode ?? error.Status}: {error.Message}".TrimEnd(' ', ':');
        switch (error.ErrorCode)
        {
            case "UNREGISTERED":
            case "SENDER_ID_MISMATCH":
                return PushResult.DeviceGone(reason);
            case "QUOTA_EXCEEDED":
            case "UNAVAILABLE":
            case "INTERNAL":
                return PushResult.RetryLater(reason, retryAfter);
        }

        if (status == HttpStatusCode.TooManyRequests || code >= 500 || status == HttpStatusCode.Unauthorized || status == HttpStatusCode.RequestTimeout)
        {
            return PushResult.RetryLater(reason, retryAfter);
        }

        if (status == HttpStatusCode.BadRequest)
        {
            if (error.ViolatedFields.Any(field => !IsTokenField(field)))
            {
                return PushResult.Rejected(reason);
            }

            if (error.ErrorCode == "INVALID_ARGUMENT" || error.ViolatedFields.Count > 0)
            {
                return PushResult.DeviceGone(reason);
            }
        }

        return PushResult.Rejected(reason);
    }

    private static bool IsTokenField(string field) => field is "message.token" or "token";

    private static ErrorBody Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return ErrorBody.None;
            }

            string? errorCode = null;
            var fields = new List<string>();
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    var type = Text(detail, "@type");
                    if (type == FcmErrorType)
                    {
                        errorCode ??= Text(detail, "errorCode");
                    }
                    else if (type == BadRequestType && detail.TryGetProperty("fieldViolations", out var violations) && violations.ValueKind == JsonValueKind.Array)
                    {
                        fields.AddRange(violations.EnumerateArray().Select(v => Text(v, "field") ?? string.Empty));
                    }
                }
            }

            return new ErrorBody(Text(error, "status"), Text(error, "message"), errorCode, fields);
        }
        catch (JsonException)
        {
            return ErrorBody.None;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record ErrorBody(string? Status, string? Message, string? ErrorCode, IReadOnlyList<string> ViolatedFields)
    {
        public static readonly ErrorBody None = new(null, null, null, []);
    }
}
