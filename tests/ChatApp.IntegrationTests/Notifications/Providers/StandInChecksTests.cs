using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Notifications.Fakes;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Providers.Fcm;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.IntegrationTests.Notifications.Providers;

/// <summary>
/// The stand-ins refuse what the real services refuse, in their answer shapes: what the provider tests pass is then
/// evidence about FCM and APNs, not about a lenient fake.
/// </summary>
public sealed class StandInChecksTests
{
    [Theory]
    [InlineData("""{"message":{"token":"t","data":{"seq":1}}}""", "message.data[0].value")]
    [InlineData("""{"message":{"token":"t","topic":"news"}}""", "message")]
    [InlineData("""{"message":{"token":"t","android":{"priority":"URGENT"}}}""", "message.android.priority")]
    [InlineData("""{"message":{"token":"t","android":{"ttl":"1 day"}}}""", "message.android.ttl")]
    [InlineData("""{"message":{"token":"t","android":{"collapseKey":"r","badge":1}}}""", "message.android")]
    [InlineData("""{"message":{"token":"t","android":{"notification":{"notification_count":"3"}}}}""", "message.android.notification.notification_count")]
    [InlineData("""{"message":{"token":"t","priority":"high"}}""", "message")]
    public async Task FCM_refuses_a_malformed_message_with_a_field_violation_that_drops_only_the_push(string body, string field)
    {
        await using var fcm = await FakeFcmServer.StartAsync();
        using var http = new HttpClient();
        var token = await AccessTokenAsync(fcm, http);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fcm.BaseAddress, $"/v1/projects/{FakeFcmServer.ProjectId}/messages:send"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = JsonNode.Parse(answer)!["error"]!["details"]![0]!;
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", violation["@type"]!.GetValue<string>());
        Assert.Equal(field, violation["fieldViolations"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(PushOutcome.Rejected, FcmAnswer.Classify(response.StatusCode, answer, null).Outcome);
        Assert.Empty(fcm.Accepted.All);
    }

    [Fact]
    public async Task FCM_needs_an_access_token_it_issued()
    {
        await using var fcm = await FakeFcmServer.StartAsync();
        using var http = new HttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fcm.BaseAddress, $"/v1/projects/{FakeFcmServer.ProjectId}/messages:send"))
        {
            Content = new StringContent("""{"message":{"token":"t"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ya29.made-up");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("wrong-kid", "InvalidProviderToken")]
    [InlineData("wrong-team", "InvalidProviderToken")]
    [InlineData("wrong-key", "InvalidProviderToken")]
    [InlineData("future", "InvalidProviderToken")]
    [InlineData("two-hours-old", "ExpiredProviderToken")]
    [InlineData("none", "MissingProviderToken")]
    public async Task APNs_refuses_a_provider_token_that_is_not_fresh_and_signed_by_the_team_key(string token, string reason)
    {
        await using var apns = await FakeApnsServer.StartAsync();
        using var http = Trusting(apns);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var providerToken = token switch
        {
            "wrong-kid" => ProviderToken(apns.KeyP8, "OTHERKEY00", FakeApnsServer.TeamId, now),
            "wrong-team" => ProviderToken(apns.KeyP8, FakeApnsServer.KeyId, "OTHERTEAM0", now),
            "wrong-key" => ProviderToken(otherKey.ExportPkcs8PrivateKeyPem(), FakeApnsServer.KeyId, FakeApnsServer.TeamId, now),
            "future" => ProviderToken(apns.KeyP8, FakeApnsServer.KeyId, FakeApnsServer.TeamId, now.AddMinutes(10)),
            "two-hours-old" => ProviderToken(apns.KeyP8, FakeApnsServer.KeyId, FakeApnsServer.TeamId, now.AddHours(-2)),
            _ => null,
        };

        var (status, answer, apnsId) = await PushAsync(http, apns, providerToken, "alert", "10", """{"aps":{"alert":"hi"}}""");

        Assert.Equal((403, reason), (status, answer));
        Assert.NotNull(apnsId);
    }

    [Theory]
    [InlineData("background", "10", null, """{"aps":{"content-available":1}}""", 400, "BadPriority")]
    [InlineData("background", "5", null, """{"aps":{"content-available":1,"badge":3}}""", 400, "BadPayload")]
    [InlineData("background", "5", null, """{"aps":{"alert":"hi"}}""", 400, "BadPayload")]
    [InlineData("voip", "10", null, """{"aps":{"alert":"hi"}}""", 400, "InvalidPushType")]
    [InlineData("alert", "10", "65", """{"aps":{"alert":"hi"}}""", 400, "BadCollapseId")]
    [InlineData("alert", "10", null, "big", 413, "PayloadTooLarge")]
    [InlineData("alert", "10", "64", """{"aps":{"alert":"hi"}}""", 200, null)]
    [InlineData("background", "5", null, """{"aps":{"content-available":1},"badge":3}""", 200, null)]
    public async Task APNs_checks_push_type_priority_collapse_id_and_size(string pushType, string priority, string? collapseBytes, string payload, int status, string? reason)
    {
        await using var apns = await FakeApnsServer.StartAsync();
        using var http = Trusting(apns);
        var body = payload == "big" ? $$$"""{"aps":{"alert":"{{{new string('x', 4100)}}}"}}""" : payload;
        var collapseId = collapseBytes is null ? null : new string('c', int.Parse(collapseBytes, System.Globalization.CultureInfo.InvariantCulture));

        var (answered, answer, apnsId) = await PushAsync(
            http, apns, ProviderToken(apns.KeyP8, FakeApnsServer.KeyId, FakeApnsServer.TeamId, DateTimeOffset.UtcNow), pushType, priority, body, collapseId);

        Assert.Equal((status, reason), (answered, answer));
        Assert.NotNull(apnsId);
    }

    [Fact]
    public async Task APNs_speaks_only_HTTP2()
    {
        await using var apns = await FakeApnsServer.StartAsync();
        using var http = Trusting(apns);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apns.BaseAddress, "/3/device/" + FakeApnsServer.NewDeviceToken()))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent("{}"),
        };

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.SendAsync(request));
    }

    private static async Task<string> AccessTokenAsync(FakeFcmServer fcm, HttpClient http)
    {
        var account = FcmServiceAccount.Parse(fcm.ServiceAccountJson).Value;
        using var tokens = new FcmAccessTokens(account, new SingleClient(http), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        return (await tokens.GetAsync(CancellationToken.None)).Value;
    }

    private static string ProviderToken(string keyPem, string keyId, string teamId, DateTimeOffset issuedAt)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(keyPem);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = teamId,
            IssuedAt = issuedAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static HttpClient Trusting(FakeApnsServer apns)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate?.GetCertHashString(HashAlgorithmName.SHA256) == apns.CertificateSha256;
        return new HttpClient(handler);
    }

    private static async Task<(int Status, string? Reason, string? ApnsId)> PushAsync(
        HttpClient http, FakeApnsServer apns, string? providerToken, string pushType, string priority, string payload, string? collapseId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apns.BaseAddress, "/3/device/" + FakeApnsServer.NewDeviceToken()))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (providerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("bearer", providerToken);
        }

        request.Headers.Add("apns-topic", FakeApnsServer.Topic);
        request.Headers.Add("apns-push-type", pushType);
        request.Headers.Add("apns-priority", priority);
        if (collapseId is not null)
        {
            request.Headers.Add("apns-collapse-id", collapseId);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var reason = body.Length > 0 ? JsonNode.Parse(body)!["reason"]!.GetValue<string>() : null;
        return ((int)response.StatusCode, reason, response.Headers.TryGetValues("apns-id", out var ids) ? ids.Single() : null);
    }

    private sealed class SingleClient(HttpClient http) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => http;
    }
}
