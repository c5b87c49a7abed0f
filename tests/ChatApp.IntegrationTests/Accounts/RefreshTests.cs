using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class RefreshTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Refreshing_rotates_both_tokens_within_the_same_session()
    {
        var user = await Api.NewUserAsync();

        var next = await Api.RefreshAsync(user.Tokens.RefreshToken);

        Assert.NotEqual(user.Tokens.RefreshToken, next.RefreshToken);
        Assert.NotEqual(user.Tokens.AccessToken, next.AccessToken);
        Assert.Equal(user.Tokens.SessionId, next.SessionId);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(next.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        var again = await Api.RefreshAsync(next.RefreshToken);
        Assert.Equal(user.Tokens.SessionId, again.SessionId);
    }

    [Fact]
    public async Task Reusing_a_used_refresh_token_revokes_the_whole_session()
    {
        var user = await Api.NewUserAsync();
        var stolen = user.Tokens.RefreshToken;
        var legitimate = await Api.RefreshAsync(stolen);

        var replay = await Api.PostRefreshAsync(stolen);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("accounts.invalid_refresh_token", (await Problem.ReadAsync(replay)).Code);
        // The family is dead: the newest refresh token and the session's access tokens stop working too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(legitimate.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(legitimate.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
    }

    [Fact]
    public async Task Reuse_in_one_session_leaves_the_users_other_sessions_alone()
    {
        var user = await Api.NewUserAsync();
        var otherDevice = await Api.LoginAsync(user.Email, deviceName: "tablet");
        await Api.RefreshAsync(user.Tokens.RefreshToken);

        await Api.PostRefreshAsync(user.Tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, (await Api.As(otherDevice.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        await Api.RefreshAsync(otherDevice.RefreshToken);
    }

    [Fact]
    public async Task Concurrent_refreshes_with_one_token_let_at_most_one_through()
    {
        var user = await Api.NewUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Api.PostRefreshAsync(user.Tokens.RefreshToken)));

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Theory]
    [InlineData("not-a-token-we-issued")]
    [InlineData("")]
    public async Task An_unknown_or_empty_refresh_token_is_refused(string token)
    {
        var response = await Api.PostRefreshAsync(token);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
        Assert.Equal(token.Length == 0 ? 400 : 401, (await Problem.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task A_refresh_token_of_a_signed_out_session_is_refused()
    {
        var user = await Api.NewUserAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(user).PostAsync("/api/v1/accounts/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(user.Tokens.RefreshToken)).StatusCode);
    }
}
