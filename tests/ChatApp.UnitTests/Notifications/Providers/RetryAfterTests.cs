using System.Net;
using ChatApp.Modules.Notifications.Providers;
using Polly;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Tue, 01 Dec 2026 20:00:30 GMT", 30)]
    [InlineData("Tue, 01 Dec 2026 19:59:00 GMT", 0)]
    public void Delta_seconds_and_HTTP_dates_are_a_wait_from_now(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Parse(header, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void An_absent_or_unreadable_header_is_no_wait(string? header) => Assert.Null(RetryAfter.Parse(header, Now));

    [Theory]
    [InlineData(503, null, true)]
    [InlineData(500, null, true)]
    [InlineData(429, "5", true)]
    [InlineData(429, "6", false)]
    [InlineData(503, "120", false)]
    [InlineData(400, null, false)]
    [InlineData(401, null, false)]
    [InlineData(403, null, false)]
    [InlineData(410, null, false)]
    [InlineData(200, null, false)]
    public void Transient_answers_are_retried_in_process_unless_the_service_asks_to_wait_longer_than_5_seconds(int status, string? retryAfter, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        Assert.Equal(retried, PushHttpClients.ShouldRetryInProcess(Outcome.FromResult(response), Now));
    }

    [Fact]
    public void A_refused_connection_is_retried_in_process() =>
        Assert.True(PushHttpClients.ShouldRetryInProcess(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")), Now));
}
