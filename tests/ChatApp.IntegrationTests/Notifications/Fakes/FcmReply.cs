namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>A scripted answer of <see cref="FakeFcmServer"/> to the next send for a token, shaped as FCM's (see <see cref="FakeFcmServer.Error"/>).</summary>
public sealed record FcmReply(int Status, string? GoogleStatus = null, string? ErrorCode = null, string? RetryAfter = null, string? ViolatedField = null)
{
    public static readonly FcmReply Ok = new(200);

    public static readonly FcmReply Unregistered = new(404, "NOT_FOUND", "UNREGISTERED");

    /// <summary>The token is not a valid registration token.</summary>
    public static readonly FcmReply InvalidToken = new(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", ViolatedField: "message.token");

    public static readonly FcmReply SenderIdMismatch = new(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH");

    public static readonly FcmReply Unavailable = new(503, "UNAVAILABLE", "UNAVAILABLE");

    /// <summary>A field of the message is wrong (our bug, not the token's).</summary>
    public static FcmReply BadField(string field) => new(400, "INVALID_ARGUMENT", null, ViolatedField: field);

    public static FcmReply QuotaExceeded(string? retryAfter) => new(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", retryAfter);
}
