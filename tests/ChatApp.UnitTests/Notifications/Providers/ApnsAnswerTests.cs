using System.Net;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Providers.Apns;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class ApnsAnswerTests
{
    [Theory]
    [InlineData(200, "", "Sent")]
    [InlineData(400, """{"reason":"BadDeviceToken"}""", "DeviceGone")]
    [InlineData(400, """{"reason":"DeviceTokenNotForTopic"}""", "DeviceGone")]
    [InlineData(410, """{"reason":"Unregistered","timestamp":1764600000000}""", "DeviceGone")]
    [InlineData(410, """{"reason":"ExpiredToken"}""", "DeviceGone")]
    [InlineData(400, """{"reason":"BadTopic"}""", "Rejected")]
    [InlineData(400, """{"reason":"PayloadEmpty"}""", "Rejected")]
    [InlineData(413, """{"reason":"PayloadTooLarge"}""", "Rejected")]
    [InlineData(403, """{"reason":"BadCertificateEnvironment"}""", "Rejected")]
    [InlineData(403, """{"reason":"ExpiredProviderToken"}""", "RetryLater")]
    [InlineData(403, """{"reason":"InvalidProviderToken"}""", "RetryLater")]
    [InlineData(429, """{"reason":"TooManyProviderTokenUpdates"}""", "RetryLater")]
    [InlineData(429, """{"reason":"TooManyRequests"}""", "RetryLater")]
    [InlineData(500, """{"reason":"InternalServerError"}""", "RetryLater")]
    [InlineData(503, """{"reason":"ServiceUnavailable"}""", "RetryLater")]
    [InlineData(503, "", "RetryLater")]
    [InlineData(400, "not json", "Rejected")]
    public void Each_answer_maps_to_what_the_sender_does(int status, string body, string expected) =>
        Assert.Equal(Enum.Parse<PushOutcome>(expected), ApnsAnswer.Classify((HttpStatusCode)status, body, null).Outcome);

    [Fact]
    public void Unregistered_carries_the_time_since_which_the_token_is_invalid()
    {
        var result = ApnsAnswer.Classify(HttpStatusCode.Gone, """{"reason":"Unregistered","timestamp":1764600000123}""", null);

        Assert.Equal(PushResult.DeviceGone("apns 410 Unregistered", DateTimeOffset.FromUnixTimeMilliseconds(1764600000123)), result);
    }

    [Fact]
    public void A_retry_later_keeps_the_wait() =>
        Assert.Equal(TimeSpan.FromSeconds(9), ApnsAnswer.Classify(HttpStatusCode.TooManyRequests, """{"reason":"TooManyRequests"}""", TimeSpan.FromSeconds(9)).RetryAfter);

    [Theory]
    [InlineData(403, """{"reason":"ExpiredProviderToken"}""", true)]
    [InlineData(403, """{"reason":"InvalidProviderToken"}""", true)]
    [InlineData(403, """{"reason":"MissingProviderToken"}""", false)]
    [InlineData(403, """{"reason":"BadCertificate"}""", false)]
    [InlineData(429, """{"reason":"TooManyProviderTokenUpdates"}""", false)]
    public void Only_a_403_about_the_provider_token_renews_it(int status, string body, bool renews) =>
        Assert.Equal(renews, ApnsAnswer.IsProviderTokenRejection((HttpStatusCode)status, body));
}
