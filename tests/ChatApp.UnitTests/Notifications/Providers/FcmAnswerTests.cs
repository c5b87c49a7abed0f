using System.Net;
using System.Text.Json.Nodes;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Providers.Fcm;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class FcmAnswerTests
{
    [Theory]
    [InlineData(200, null, null, null, "Sent")]
    [InlineData(404, "NOT_FOUND", "UNREGISTERED", null, "DeviceGone")]
    [InlineData(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", null, "DeviceGone")]
    [InlineData(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "message.token", "DeviceGone")]
    [InlineData(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", null, "DeviceGone")]
    [InlineData(400, "INVALID_ARGUMENT", null, "message.android.ttl", "Rejected")]
    [InlineData(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "message.data[0].value", "Rejected")]
    [InlineData(400, "INVALID_ARGUMENT", null, null, "Rejected")]
    [InlineData(404, "NOT_FOUND", null, null, "Rejected")]
    [InlineData(403, "PERMISSION_DENIED", null, null, "Rejected")]
    [InlineData(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", null, "RetryLater")]
    [InlineData(503, "UNAVAILABLE", "UNAVAILABLE", null, "RetryLater")]
    [InlineData(500, "INTERNAL", "INTERNAL", null, "RetryLater")]
    [InlineData(502, null, null, null, "RetryLater")]
    [InlineData(401, "UNAUTHENTICATED", null, null, "RetryLater")]
    public void Only_an_answer_about_the_token_removes_the_device(int status, string? googleStatus, string? errorCode, string? field, string expected)
    {
        var result = FcmAnswer.Classify((HttpStatusCode)status, Body(status, googleStatus, errorCode, field), retryAfter: null);

        Assert.Equal(Enum.Parse<PushOutcome>(expected), result.Outcome);
    }

    [Fact]
    public void A_retry_later_keeps_the_wait_and_names_the_error()
    {
        var result = FcmAnswer.Classify(HttpStatusCode.TooManyRequests, Body(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", null), TimeSpan.FromSeconds(30));

        Assert.Equal(PushResult.RetryLater("fcm 429 QUOTA_EXCEEDED: Error.", TimeSpan.FromSeconds(30)), result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad Gateway</html>")]
    [InlineData("{\"error\":\"x\"}")]
    public void An_answer_that_is_not_FCM_JSON_is_classified_by_its_status(string body)
    {
        Assert.Equal(PushOutcome.RetryLater, FcmAnswer.Classify(HttpStatusCode.BadGateway, body, null).Outcome);
        Assert.Equal(PushOutcome.Rejected, FcmAnswer.Classify(HttpStatusCode.BadRequest, body, null).Outcome);
        Assert.Equal(PushOutcome.Rejected, FcmAnswer.Classify(HttpStatusCode.NotFound, body, null).Outcome);
    }

    private static string Body(int code, string? status, string? errorCode, string? field)
    {
        var details = new JsonArray();
        if (errorCode is not null)
        {
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = errorCode });
        }

        if (field is not null)
        {
            details.Add(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = field, ["description"] = "Invalid value" }),
            });
        }

        return new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = "Error.", ["status"] = status, ["details"] = details } }.ToJsonString();
    }
}
