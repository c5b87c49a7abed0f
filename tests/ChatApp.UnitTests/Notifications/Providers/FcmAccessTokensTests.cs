using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChatApp.Modules.Notifications.Providers.Fcm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChatApp.UnitTests.Notifications.Providers;

public sealed class FcmAccessTokensTests : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly TokenEndpoint _endpoint = new();
    private readonly FcmAccessTokens _tokens;

    public FcmAccessTokensTests()
    {
        var account = new FcmServiceAccount("project-1", "sender@project-1.iam.gserviceaccount.com", "key-id-1", _key.ExportPkcs8PrivateKeyPem(), new Uri("https://oauth.test/token"));
        _tokens = new FcmAccessTokens(account, _endpoint, _time, NullLogger.Instance);
    }

    [Fact]
    public async Task The_grant_is_an_RS256_assertion_for_firebase_messaging_addressed_to_token_uri_for_one_hour()
    {
        Assert.True((await _tokens.GetAsync(CancellationToken.None)).IsSuccess);

        var form = Assert.Single(_endpoint.Forms);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", form["grant_type"]);
        var jwt = new JsonWebToken(form["assertion"]);
        Assert.Equal(("RS256", "key-id-1"), (jwt.Alg, jwt.Kid));
        Assert.Equal("sender@project-1.iam.gserviceaccount.com", jwt.Issuer);
        Assert.Equal(["https://oauth.test/token"], jwt.Audiences);
        Assert.Equal("https://www.googleapis.com/auth/firebase.messaging", jwt.GetPayloadValue<string>("scope"));
        var iat = jwt.GetPayloadValue<long>("iat");
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), iat);
        Assert.Equal(iat + 3600, jwt.GetPayloadValue<long>("exp"));
        Assert.Equal(new Uri("https://oauth.test/token"), _endpoint.Addresses.Single());
    }

    [Fact]
    public async Task A_token_is_reused_until_five_minutes_before_it_expires()
    {
        _endpoint.ExpiresIn = 3600;
        var first = (await _tokens.GetAsync(CancellationToken.None)).Value;

        _time.Advance(TimeSpan.FromMinutes(54.9));
        Assert.Equal(first, (await _tokens.GetAsync(CancellationToken.None)).Value);

        _time.Advance(TimeSpan.FromMinutes(0.1));
        Assert.NotEqual(first, (await _tokens.GetAsync(CancellationToken.None)).Value);
        Assert.Equal(2, _endpoint.Forms.Count);
    }

    [Fact]
    public async Task Concurrent_sends_share_one_grant()
    {
        _endpoint.Delay = TimeSpan.FromMilliseconds(200);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _tokens.GetAsync(CancellationToken.None)));

        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.Single(_endpoint.Forms);
    }

    [Fact]
    public async Task An_invalidated_token_is_replaced_but_a_stale_invalidation_keeps_the_new_one()
    {
        var first = (await _tokens.GetAsync(CancellationToken.None)).Value;

        _tokens.Invalidate(first);
        var second = (await _tokens.GetAsync(CancellationToken.None)).Value;
        _tokens.Invalidate(first);
        var third = (await _tokens.GetAsync(CancellationToken.None)).Value;

        Assert.NotEqual(first, second);
        Assert.Equal(second, third);
        Assert.Equal(2, _endpoint.Forms.Count);
    }

    [Fact]
    public async Task A_refused_grant_is_a_failure_not_an_exception_and_is_asked_again_next_time()
    {
        _endpoint.Status = HttpStatusCode.BadRequest;

        var refused = await _tokens.GetAsync(CancellationToken.None);
        _endpoint.Status = HttpStatusCode.OK;
        var granted = await _tokens.GetAsync(CancellationToken.None);

        Assert.Equal("fcm_grant_refused", refused.Error?.Code);
        Assert.True(granted.IsSuccess);
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _key.Dispose();
        _endpoint.Dispose();
    }

    /// <summary>A token endpoint behind an <see cref="IHttpClientFactory"/>: records the forms, answers a fresh token each time.</summary>
    private sealed class TokenEndpoint : HttpMessageHandler, IHttpClientFactory
    {
        private int _issued;

        public List<Dictionary<string, string>> Forms { get; } = [];

        public List<Uri> Addresses { get; } = [];

        public int ExpiresIn { get; set; } = 3599;

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public TimeSpan Delay { get; set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Forms)
            {
                Forms.Add(form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1])));
                Addresses.Add(request.RequestUri!);
            }

            await Task.Delay(Delay, cancellationToken);
            var body = Status == HttpStatusCode.OK
                ? $$"""{"access_token":"token-{{Interlocked.Increment(ref _issued)}}","expires_in":{{ExpiresIn}},"token_type":"Bearer"}"""
                : """{"error":"invalid_grant","error_description":"Invalid JWT Signature."}""";
            return new HttpResponseMessage(Status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
