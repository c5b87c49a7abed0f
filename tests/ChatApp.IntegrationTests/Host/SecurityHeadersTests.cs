using ChatApp.Host.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The choices behind the headers that a plain-HTTP test host cannot show: HSTS over HTTPS, the policy per page.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("https", "max-age=31536000", "max-age=31536000")]
    [InlineData("http", "max-age=31536000", null)]
    [InlineData("https", null, null)] // Development
    public void Hsts_is_sent_only_over_https_outside_development(string scheme, string? hsts, string? expected)
    {
        var context = new DefaultHttpContext { Request = { Scheme = scheme, Path = "/api/v1/chat/rooms" } };

        SecurityHeaders.Apply(context, context.Request.Path, hsts);

        Assert.Equal(expected, context.Response.Headers.StrictTransportSecurity.FirstOrDefault());
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions);
    }

    [Theory]
    [InlineData("/api/v1/chat/rooms", "application/json", SecurityHeaders.ApiPolicy)]
    [InlineData("/api/v1/chat/rooms", null, SecurityHeaders.ApiPolicy)]
    [InlineData("/media/files/public/a.jpg", "image/jpeg", SecurityHeaders.ApiPolicy)]
    [InlineData("/hangfire", "text/html", SecurityHeaders.DashboardPolicy)]
    [InlineData("/hangfire/js182", "application/javascript", SecurityHeaders.DashboardPolicy)]
    [InlineData("/scalar/", "text/html", SecurityHeaders.ApiReferencePolicy)]
    [InlineData("/admin/login", "text/html; charset=utf-8", SecurityHeaders.PagePolicy)]
    [InlineData("/", "text/html", SecurityHeaders.WebAppPolicy)]
    [InlineData("/rooms/4f6c1d2e-0000-4000-8000-000000000001", "text/html", SecurityHeaders.WebAppPolicy)]
    [InlineData("/admin/moderation/reports", "text/html; charset=utf-8", SecurityHeaders.PagePolicy)]
    public void Each_kind_of_response_gets_its_content_security_policy(string path, string? contentType, string expected) =>
        Assert.Equal(expected, SecurityHeaders.PolicyFor(path, contentType));

    [Fact]
    public void The_web_apps_policy_allows_images_from_the_media_origins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Media:Storage"] = "S3",
            ["Media:S3:ServiceUrl"] = "http://127.0.0.1:9000",
            ["Media:S3:Bucket"] = "chat",
            ["Media:S3:ForcePathStyle"] = "true",
            ["Media:CdnBaseUrl"] = "https://cdn.example.com/media/",
        }).Build();

        var policy = SecurityHeaders.WebAppPolicyWith(MediaOrigins.From(configuration));

        Assert.Contains("img-src 'self' data: blob: https://cdn.example.com http://127.0.0.1:9000;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_api_reference_may_run_inline_script()
    {
        Assert.DoesNotContain("'unsafe-inline'", ScriptSource(SecurityHeaders.DashboardPolicy), StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", SecurityHeaders.ApiPolicy, StringComparison.Ordinal);
        Assert.All(new[] { SecurityHeaders.ApiPolicy, SecurityHeaders.DashboardPolicy, SecurityHeaders.ApiReferencePolicy, SecurityHeaders.PagePolicy },
            policy => Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal));
    }

    private static string ScriptSource(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
}
