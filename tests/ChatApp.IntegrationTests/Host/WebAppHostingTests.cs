using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The web app at / (ADR 0025 part D): served with its policy, reloadable at its routes, never instead of the server's answers.</summary>
public sealed class WebAppHostingTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string SecurityHeadersApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task The_app_is_served_at_the_root_with_its_policy()
    {
        var http = Api.Anonymous();

        using var root = await http.GetAsync("/");
        using var boot = await http.GetAsync("/_framework/blazor.webassembly.js");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.webassembly.js", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(' ', root.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy.Replace("'wasm-unsafe-eval'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, boot.StatusCode);
        Assert.Equal(SecurityHeadersApiPolicy, string.Join(' ', boot.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("/rooms/4f6c1d2e-0000-4000-8000-000000000001")]
    [InlineData("/people")]
    [InlineData("/sign-in")]
    public async Task A_client_route_gets_the_app(string path)
    {
        var http = Api.Anonymous();

        using var get = await http.GetAsync(path);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("text/html", get.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\">", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/accounts/register", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/hubs/nothing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/health/nothing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/admin/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/openapi/nothing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/media/files/public/none.jpg", HttpStatusCode.NotFound)]
    [InlineData("GET", "/_framework/nothing.js", HttpStatusCode.NotFound)]
    [InlineData("GET", "/favicon-none.png", HttpStatusCode.NotFound)]
    public async Task Api_hub_health_and_admin_paths_never_get_the_app(string method, string path, HttpStatusCode expected)
    {
        using var response = await Api.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (await Problem.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task The_hub_is_still_the_hub()
    {
        using var negotiate = await Api.Anonymous().PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Equal("unauthorized", (await Problem.ReadAsync(negotiate)).Code);
    }
}
