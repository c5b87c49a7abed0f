using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Chat;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Accounts.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts;

/// <summary>Every way a session is revoked publishes <see cref="SessionsEndedIntegrationEvent"/> in the same transaction.</summary>
public sealed class SessionsEndedEventTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_access_token_names_its_session_in_the_sid_claim()
    {
        var user = await Api.NewUserAsync();

        var payload = user.Tokens.AccessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='))).RootElement;

        Assert.Equal(user.Tokens.SessionId.ToString(), claims.GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Logout_publishes_the_current_session_as_ended()
    {
        var user = await Api.NewUserAsync();
        await Api.LoginAsync(user.Email, deviceName: "phone");

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(user).PostAsync("/api/v1/accounts/logout", null)).StatusCode);

        var ended = Assert.Single(await EventsAsync());
        Assert.Equal(user.Id, ended.UserId);
        Assert.Equal([user.Tokens.SessionId], ended.SessionIds);
        Assert.Equal(SessionEndReasons.Logout, ended.Reason);
    }

    [Fact]
    public async Task Revoking_another_device_publishes_that_session_once()
    {
        var user = await Api.NewUserAsync();
        var phone = await Api.LoginAsync(user.Email, deviceName: "phone");

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(user).DeleteAsync($"/api/v1/accounts/sessions/{phone.SessionId}")).StatusCode);
        // Revoking it again changes nothing and publishes nothing.
        await Api.As(user).DeleteAsync($"/api/v1/accounts/sessions/{phone.SessionId}");

        var ended = Assert.Single(await EventsAsync());
        Assert.Equal(user.Id, ended.UserId);
        Assert.Equal([phone.SessionId], ended.SessionIds);
        Assert.Equal(SessionEndReasons.Revoked, ended.Reason);
    }

    [Fact]
    public async Task Changing_the_password_publishes_every_other_session()
    {
        var user = await Api.NewUserAsync();
        var phone = await Api.LoginAsync(user.Email, deviceName: "phone");
        var tablet = await Api.LoginAsync(user.Email, deviceName: "tablet");

        var response = await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/password", new { currentPassword = user.Password, newPassword = "N3w-Horse-Battery" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var ended = Assert.Single(await EventsAsync());
        Assert.Equal(user.Id, ended.UserId);
        Assert.Equal(new[] { phone.SessionId, tablet.SessionId }.Order(), ended.SessionIds.Order());
        Assert.Equal(SessionEndReasons.PasswordChanged, ended.Reason);
    }

    [Fact]
    public async Task Deactivating_the_account_publishes_every_session_and_a_wrong_password_publishes_nothing()
    {
        var user = await Api.NewUserAsync();
        var phone = await Api.LoginAsync(user.Email, deviceName: "phone");

        Assert.Equal(HttpStatusCode.BadRequest, (await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = "Not-The-Passw0rd" })).StatusCode);
        Assert.Empty(await EventsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = user.Password })).StatusCode);

        var ended = Assert.Single(await EventsAsync());
        Assert.Equal(user.Id, ended.UserId);
        Assert.Equal(new[] { user.Tokens.SessionId, phone.SessionId }.Order(), ended.SessionIds.Order());
        Assert.Equal(SessionEndReasons.AccountDeactivated, ended.Reason);
    }

    [Fact]
    public async Task A_replayed_refresh_token_publishes_its_session_although_the_call_fails()
    {
        var user = await Api.NewUserAsync();
        await Api.RefreshAsync(user.Tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(user.Tokens.RefreshToken)).StatusCode);

        var ended = Assert.Single(await EventsAsync());
        Assert.Equal(user.Id, ended.UserId);
        Assert.Equal([user.Tokens.SessionId], ended.SessionIds);
        Assert.Equal(SessionEndReasons.RefreshReuse, ended.Reason);
    }

    [Fact]
    public async Task Every_published_session_is_one_that_the_session_status_reports_as_ended()
    {
        var user = await Api.NewUserAsync();
        var phone = await Api.LoginAsync(user.Email, deviceName: "phone");
        await Api.As(user).DeleteAsync($"/api/v1/accounts/sessions/{phone.SessionId}");

        var ended = Assert.Single(await EventsAsync());
        await using var scope = Factory.Services.CreateAsyncScope();
        var status = scope.ServiceProvider.GetRequiredService<ISessionStatus>();
        Assert.Equal([phone.SessionId], await status.GetEndedAsync([.. ended.SessionIds, user.Tokens.SessionId], CancellationToken.None));
    }

    private Task<List<SessionsEndedIntegrationEvent>> EventsAsync() =>
        StoredEvents.ReadAsync<AccountsDbContext, SessionsEndedIntegrationEvent>(Factory);
}
