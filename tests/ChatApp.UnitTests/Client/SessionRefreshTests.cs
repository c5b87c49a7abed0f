using System.Net;
using System.Net.Http.Json;
using ChatApp.Client;
using ChatApp.Client.Accounts;
using ChatApp.Client.Auth;

namespace ChatApp.UnitTests.Client;

public sealed class SessionRefreshTests
{
    [Fact]
    public async Task Concurrent_401s_cause_one_refresh_and_both_calls_succeed()
    {
        // The four 401s are held until all four calls have met one: every call is then waiting for a new token at once.
        var server = new FakeServer { HoldUnauthorizedUntil = 4 };
        await using var client = new ChatAppClient(new HttpClient(server) { BaseAddress = new Uri("http://chat.test") });
        await client.Accounts.LoginAsync("a@chat.test", "Passw0rd-a");
        server.RevokeAccessTokens();

        var profiles = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Accounts.GetMeAsync()));

        Assert.All(profiles, p => Assert.Equal("Min", p.DisplayName));
        Assert.Equal(1, server.Refreshes);
    }

    [Fact]
    public async Task A_refused_refresh_signs_out()
    {
        var server = new FakeServer();
        await using var client = new ChatAppClient(new HttpClient(server) { BaseAddress = new Uri("http://chat.test") });
        ChatAppApiException? signedOut = null;
        client.Session.SignedOut += e => signedOut = e;
        await client.Accounts.LoginAsync("a@chat.test", "Passw0rd-a");
        server.RevokeAccessTokens();
        server.RefuseRefresh = true;

        var error = await Assert.ThrowsAsync<ChatAppApiException>(() => client.Accounts.GetMeAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("accounts.invalid_refresh_token", signedOut?.Code);
        Assert.False(await client.Session.IsSignedInAsync());
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_the_call()
    {
        var server = new FakeServer { AccessTokenLifetime = TimeSpan.FromSeconds(10) };
        await using var client = new ChatAppClient(new HttpClient(server) { BaseAddress = new Uri("http://chat.test") });
        await client.Accounts.LoginAsync("a@chat.test", "Passw0rd-a");

        await client.Accounts.GetMeAsync();

        Assert.Equal(1, server.Refreshes);
        Assert.Equal(0, server.Unauthorized);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sign_in_or_out_during_a_refresh_waits_for_it_and_wins(bool signIn)
    {
        static TokenResponse Tokens(string access, DateTime expires) => new(access, expires, "refresh-" + access, expires.AddDays(30), Guid.Empty, "Bearer");
        var store = new InMemoryTokenStore();
        var refreshStarted = new TaskCompletionSource();
        var releaseRefresh = new TaskCompletionSource();
        var session = new Session(store, async (_, _) =>
        {
            refreshStarted.SetResult();
            await releaseRefresh.Task;
            return Tokens("refreshed", DateTime.UtcNow.AddMinutes(15));
        }, TimeSpan.FromSeconds(30), TimeProvider.System);
        await session.StartAsync(Tokens("old", DateTime.UtcNow.AddSeconds(-1)), CancellationToken.None);

        var refresh = session.RefreshAsync("old");
        await refreshStarted.Task;
        var change = signIn
            ? session.StartAsync(Tokens("signed-in", DateTime.UtcNow.AddMinutes(15)), CancellationToken.None).AsTask()
            : session.EndAsync(CancellationToken.None).AsTask();
        var waited = !change.IsCompleted;
        releaseRefresh.SetResult();
        await refresh;
        await change;

        Assert.True(waited, "the sign-in or sign-out did not wait for the refresh in flight");
        Assert.Equal(signIn ? "signed-in" : null, (await store.GetAsync(CancellationToken.None))?.AccessToken);
    }

    /// <summary>Answers login, refresh and GET /accounts/me like the server does, counting refreshes.</summary>
    private sealed class FakeServer : HttpMessageHandler
    {
        private int _generation;
        private int _refreshes;
        private int _unauthorized;
        private volatile int _validGeneration;
        private readonly TaskCompletionSource _allUnauthorized = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>401s are answered only once this many calls have met one (1: at once).</summary>
        public int HoldUnauthorizedUntil { get; init; } = 1;

        public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

        public bool RefuseRefresh { get; set; }

        public int Refreshes => _refreshes;

        public int Unauthorized => _unauthorized;

        public void RevokeAccessTokens() => _validGeneration = int.MaxValue;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            switch (request.RequestUri!.AbsolutePath)
            {
                case "/api/v1/accounts/login":
                    return Tokens();
                case "/api/v1/accounts/refresh":
                    Interlocked.Increment(ref _refreshes);
                    return RefuseRefresh
                        ? Problem(HttpStatusCode.Unauthorized, "accounts.invalid_refresh_token")
                        : Tokens();
                case "/api/v1/accounts/me" when request.Headers.Authorization?.Parameter == $"access-{_validGeneration}":
                    return Json(HttpStatusCode.OK, new
                    {
                        id = Guid.NewGuid(), email = "a@chat.test", emailVerified = false, displayName = "Min", bio = (string?)null,
                        createdAt = DateTime.UtcNow, avatar = (object?)null, handle = (string?)null, discoverable = true,
                    });
                case "/api/v1/accounts/me":
                    if (Interlocked.Increment(ref _unauthorized) >= HoldUnauthorizedUntil)
                    {
                        _allUnauthorized.TrySetResult();
                    }

                    await _allUnauthorized.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                    return Problem(HttpStatusCode.Unauthorized, "unauthorized");
                default:
                    return Problem(HttpStatusCode.NotFound, "not_found");
            }
        }

        private HttpResponseMessage Tokens()
        {
            var generation = Interlocked.Increment(ref _generation);
            _validGeneration = generation;
            return Json(HttpStatusCode.OK, new
            {
                accessToken = $"access-{generation}", accessTokenExpiresAt = DateTime.UtcNow + AccessTokenLifetime,
                refreshToken = $"refresh-{generation}", refreshTokenExpiresAt = DateTime.UtcNow.AddDays(30),
                sessionId = Guid.NewGuid(), tokenType = "Bearer",
            });
        }

        private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status) { Content = JsonContent.Create(body) };

        private static HttpResponseMessage Problem(HttpStatusCode status, string code) =>
            Json(status, new { status = (int)status, title = "Refused", detail = "Refused.", code });
    }
}
