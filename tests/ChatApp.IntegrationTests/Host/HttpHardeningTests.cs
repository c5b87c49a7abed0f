using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using ChatApp.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Host;

/// <summary>Security headers, CORS and body limits on the real host in Production (ADR 16).</summary>
public sealed class HttpHardeningTests(ProductionHostFixture fixture) : IClassFixture<ProductionHostFixture>
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_a_policy_for_what_it_is()
    {
        using var http = Client();
        using var health = await http.GetAsync("/health/live");
        using var unauthorized = await http.GetAsync("/api/v1/accounts/me");
        using var notFound = await http.GetAsync("/no/such/route");
        using var page = await http.GetAsync("/admin/login");

        foreach (var response in new[] { health, unauthorized, notFound, page })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
            // Plain HTTP (TLS ends at the proxy, which forwards the scheme): no HSTS.
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(ApiPolicy, Header(unauthorized, "Content-Security-Policy"));
        Assert.Equal(ApiPolicy, Header(health, "Content-Security-Policy"));
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_allowed_and_one_from_another_origin_is_not()
    {
        using var http = Client();

        foreach (var path in new[] { "/api/v1/chat/rooms", "/hubs/chat/negotiate" })
        {
            using var allowed = await http.SendAsync(Preflight(path, ProductionHostFixture.AllowedOrigin));
            using var other = await http.SendAsync(Preflight(path, "https://evil.example"));

            Assert.True(allowed.IsSuccessStatusCode, $"{path}: {allowed.StatusCode}");
            Assert.Equal(ProductionHostFixture.AllowedOrigin, Header(allowed, "Access-Control-Allow-Origin"));
            Assert.Contains("POST", Header(allowed, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
            Assert.Contains("authorization", Header(allowed, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
            Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
            Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"), path);
            Assert.False(other.Headers.Contains("Access-Control-Allow-Methods"), path);
        }
    }

    [Fact]
    public async Task A_request_from_an_allowed_origin_may_read_the_answer_and_its_retry_and_location_headers()
    {
        var (_, token) = await Nodes.RegisterAndLoginAsync(Client());
        using var http = Nodes.Authorized(Client(), token);

        using var allowed = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/chat/rooms") { Headers = { { "Origin", ProductionHostFixture.AllowedOrigin } } });
        using var other = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/chat/rooms") { Headers = { { "Origin", "https://evil.example" } } });

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(ProductionHostFixture.AllowedOrigin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(allowed, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_websocket_to_the_hub_from_another_origin_is_refused_and_from_an_allowed_origin_opens()
    {
        var (_, token) = await Nodes.RegisterAndLoginAsync(Client());
        var hub = new UriBuilder(fixture.Address) { Scheme = "ws", Path = "/hubs/chat", Query = "access_token=" + token }.Uri;

        using var other = new ClientWebSocket();
        other.Options.CollectHttpResponseDetails = true;
        other.Options.SetRequestHeader("Origin", "https://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() => other.ConnectAsync(hub, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, other.HttpStatusCode);

        using var allowed = new ClientWebSocket();
        allowed.Options.SetRequestHeader("Origin", ProductionHostFixture.AllowedOrigin);
        await allowed.ConnectAsync(hub, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, allowed.State);

        // A native client sends no Origin at all.
        using var native = new ClientWebSocket();
        await native.ConnectAsync(hub, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, native.State);
    }

    [Fact]
    public async Task A_100_KiB_json_body_to_a_message_route_gets_413_with_a_code_whether_its_length_is_declared_or_not()
    {
        var (_, token) = await Nodes.RegisterAndLoginAsync(Client());
        using var http = Nodes.Authorized(Client(), token);
        var room = Guid.NewGuid();
        var body = $$"""{"clientMessageId":"big-1","text":"{{new string('x', 100 * 1024)}}"}""";

        using var declared = await http.PostAsync($"/api/v1/chat/rooms/{room}/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        using var chunked = await http.PostAsync($"/api/v1/chat/rooms/{room}/messages", new ChunkedContent(body));

        foreach (var response in new[] { declared, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("request.too_large", (await Problem.ReadAsync(response)).Code);
            Assert.Equal(ApiPolicy, Header(response, "Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task Anonymous_routes_take_16_KiB_while_signed_in_json_routes_take_64_KiB()
    {
        var (_, token) = await Nodes.RegisterAndLoginAsync(Client());
        using var http = Nodes.Authorized(Client(), token);
        var padding = new string(' ', 20 * 1024);
        using var register = await Client().PostAsync("/api/v1/accounts/register", Json(
            $$"""{"email":"{{AccountsApi.UniqueEmail()}}","password":"{{AccountsApi.Password}}","displayName":"Padded"{{padding}}}"""));
        using var room = await http.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Padded", memberIds = Array.Empty<Guid>() });
        var roomId = (await room.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        using var send = await http.PostAsync($"/api/v1/chat/rooms/{roomId}/messages", Json($$"""{"clientMessageId":"padded-1","text":"hi"{{padding}}}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, register.StatusCode);
        Assert.Equal("request.too_large", (await Problem.ReadAsync(register)).Code);
        Assert.Equal(HttpStatusCode.Created, send.StatusCode);
    }

    [Fact]
    public async Task The_sync_cursor_has_a_larger_limit_of_its_own_that_fits_thousands_of_rooms()
    {
        var (_, token) = await Nodes.RegisterAndLoginAsync(Client());
        using var http = Nodes.Authorized(Client(), token);
        var rooms = Enumerable.Range(0, 4000).ToDictionary(_ => Guid.NewGuid(), i => (long)i);

        using var response = await http.PostAsJsonAsync("/api/v1/chat/sync", new { rooms });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_up_to_its_own_limit_is_accepted_far_above_the_json_limit()
    {
        var (_, token) = await Nodes.RegisterAndLoginAsync(Client());
        using var http = Nodes.Authorized(Client(), token);
        // A picture padded to exactly the upload limit (Media:MaxUploadBytes, 10 MiB): decoders stop at the image's end.
        var file = new byte[10 * 1024 * 1024];
        TestImages.Solid(200, 100, SKColors.Red).CopyTo(file, 0);

        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "big.jpg" },
            { new StringContent("chat"), "purpose" },
        };
        using var response = await http.PostAsync("/api/v1/media/images", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private HttpClient Client() => new() { BaseAddress = fixture.Address };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Preflight(string path, string origin) => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization,content-type" },
        },
    };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    /// <summary>A JSON body sent without Content-Length (chunked), so the limit is met while the body is read.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(string body)
        {
            _bytes = Encoding.UTF8.GetBytes(body);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
