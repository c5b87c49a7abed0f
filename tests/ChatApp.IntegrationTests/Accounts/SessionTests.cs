using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class SessionTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Sessions_lists_each_signed_in_device_and_marks_the_current_one()
    {
        var user = await Api.NewUserAsync();
        var tablet = await Api.LoginAsync(user.Email, deviceName: "Galaxy Tab");

        var sessions = await Api.As(tablet.AccessToken).GetFromJsonAsync<JsonElement[]>("/api/v1/accounts/sessions");

        Assert.NotNull(sessions);
        Assert.Equal(2, sessions.Length);
        var current = Assert.Single(sessions, s => s.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(tablet.SessionId, current.GetProperty("id").GetGuid());
        Assert.Equal("Galaxy Tab", current.GetProperty("deviceName").GetString());
        Assert.Contains(sessions, s => s.GetProperty("id").GetGuid() == user.Tokens.SessionId);
    }

    [Fact]
    public async Task Logout_revokes_the_current_session_only()
    {
        var user = await Api.NewUserAsync();
        var phone = await Api.LoginAsync(user.Email, deviceName: "phone");

        var response = await Api.As(user).PostAsync("/api/v1/accounts/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);
        var remaining = await Api.As(phone.AccessToken).GetFromJsonAsync<JsonElement[]>("/api/v1/accounts/sessions");
        Assert.Equal(phone.SessionId, Assert.Single(remaining!).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Revoking_another_device_signs_it_out()
    {
        var user = await Api.NewUserAsync();
        var lost = await Api.LoginAsync(user.Email, deviceName: "lost phone");

        var response = await Api.As(user).DeleteAsync($"/api/v1/accounts/sessions/{lost.SessionId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(lost.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(lost.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_session_or_an_unknown_one_is_a_404()
    {
        var alice = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();

        var foreign = await Api.As(alice).DeleteAsync($"/api/v1/accounts/sessions/{bob.Tokens.SessionId}");
        var unknown = await Api.As(alice).DeleteAsync($"/api/v1/accounts/sessions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("accounts.session_not_found", (await Problem.ReadAsync(foreign)).Code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(bob).GetAsync("/api/v1/accounts/me")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/accounts/sessions")]
    [InlineData("POST", "/api/v1/accounts/logout")]
    [InlineData("GET", "/api/v1/accounts/me")]
    [InlineData("PATCH", "/api/v1/accounts/me")]
    [InlineData("POST", "/api/v1/accounts/me/password")]
    [InlineData("GET", "/api/v1/users/0197a3c1-0000-7000-8000-000000000000")]
    public async Task Protected_routes_need_a_valid_access_token(string method, string path)
    {
        var anonymous = await Api.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var forged = await Api.As("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(401, (await Problem.ReadAsync(anonymous)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
