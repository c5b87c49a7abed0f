using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The zero-install mode (SQLite files, in-memory Hangfire, no Redis) keeps working end to end.</summary>
public sealed class EmbeddedDefaultSmokeTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public async Task Register_login_refresh_and_me_work_on_the_embedded_default()
    {
        var email = AccountsApi.UniqueEmail();
        var id = await Api.RegisterAsync(email, displayName: "Embedded Ann");
        var tokens = await Api.LoginAsync(email);
        var refreshed = await Api.RefreshAsync(tokens.RefreshToken);

        var me = await Api.As(refreshed.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");

        Assert.Equal(id, me.GetProperty("id").GetGuid());
        Assert.Equal("Embedded Ann", me.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_the_sqlite_database_and_no_redis()
    {
        var response = await Api.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = report.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("db-accounts").GetProperty("status").GetString());
        Assert.False(checks.TryGetProperty("redis", out _));
    }

    [Fact]
    public async Task The_admin_dashboard_runs_on_in_memory_storage()
    {
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);

        var response = await Api.As(admin.AccessToken).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
