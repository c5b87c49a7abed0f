using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>
/// Key rotation and JWKS outages, on a host of their own (its key caches start cold; the unknown-key refetch throttle
/// is an hour). Google's set is used for rotation, Apple's for the outage, so the two tests do not share a cache.
/// </summary>
public sealed class JwksRotationTests(OpenIdOnlyFactory factory) : IntegrationTest<OpenIdOnlyFactory>(factory)
{
    private ExternalApi External => new(Factory, Api);

    public override async Task InitializeAsync()
    {
        Factory.Providers.Reset();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task A_new_key_passes_on_its_first_token_a_dropped_key_fails_after_the_next_fetch_and_unknown_keys_do_not_hammer_the_provider()
    {
        var google = Factory.Providers.Google;
        var nonce = Guid.NewGuid().ToString("N");
        string Token(string? kid = null) => google.Sign(google.Claims(Guid.NewGuid().ToString("N"), nonce), kid);

        // The first set says it may be kept for 2 s only (we keep it the refetch interval, an hour); the sets after it for hours.
        google.MaxAge = TimeSpan.FromSeconds(2);
        var firstKey = google.CurrentKeyId;
        var oldToken = Token();
        await External.SignInAsync("google", oldToken, nonce, expected: HttpStatusCode.Created);
        Assert.Equal(1, google.JwksHits);
        google.MaxAge = TimeSpan.FromHours(6);

        // Rotation: the old key is dropped, a second one published. Before the cached set expires the old key still
        // passes from the cache; once it has expired, the next fetch drops the old key.
        google.CurrentKeyId = google.AddKey();
        google.RemoveKey(firstKey);
        Factory.JwksClock.Advance(TimeSpan.FromMinutes(59));
        await External.SignInAsync("google", oldToken, nonce);
        Assert.Equal(1, google.JwksHits);
        Factory.JwksClock.Advance(TimeSpan.FromMinutes(2));

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", oldToken, nonce), HttpStatusCode.Unauthorized, "accounts.external_token_invalid");
        Assert.Equal(2, google.JwksHits);

        // A key published after our last fetch: its very first tokens pass, several at once cause a single fetch.
        google.CurrentKeyId = google.AddKey();
        var first = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => External.PostSignInAsync("google", Token(), nonce)));
        Assert.All(first, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.Equal(3, google.JwksHits);

        // Made-up key ids right after that refetch: refused without asking the provider again.
        for (var i = 0; i < 3; i++)
        {
            var forged = google.SignWithForeignKey(google.Claims(Guid.NewGuid().ToString("N"), nonce), kid: "made-up-" + i);
            await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("google", forged, nonce), HttpStatusCode.Unauthorized, "accounts.external_token_invalid");
        }

        Assert.Equal(3, google.JwksHits);

        // Every published key keeps working from the cache.
        await External.SignInAsync("google", Token(google.CurrentKeyId), nonce, expected: HttpStatusCode.Created);
        Assert.Equal(3, google.JwksHits);
    }

    [Fact]
    public async Task A_key_set_outage_is_503_at_once_with_a_cold_cache_and_unnoticed_with_a_warm_one_even_after_it_expired()
    {
        var apple = Factory.Providers.Apple;
        var nonce = Guid.NewGuid().ToString("N");
        var claims = apple.Claims("outage." + Guid.NewGuid().ToString("N"), FakeOpenIdProvider.Sha256Hex(nonce));
        apple.Outage = true;

        // Cold cache, provider down: parallel sign-ins share one fetch, and the failure is remembered for a while.
        var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => External.PostSignInAsync("apple", apple.Sign(claims), nonce)));
        foreach (var response in parallel)
        {
            await ExternalApi.ExpectProblemAsync(response, HttpStatusCode.ServiceUnavailable, "accounts.provider_unavailable");
        }

        Assert.Equal(1, apple.JwksHits);
        apple.Outage = false;
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("apple", apple.Sign(claims), nonce), HttpStatusCode.ServiceUnavailable, "accounts.provider_unavailable");
        Assert.Equal(1, apple.JwksHits);
        Assert.Equal(0, await External.UserCountAsync());

        Factory.JwksClock.Advance(TimeSpan.FromSeconds(11)); // JwksFailureRetryInterval, 10 s by default
        await External.SignInAsync("apple", apple.Sign(claims), nonce, expected: HttpStatusCode.Created);
        Assert.Equal(2, apple.JwksHits);

        // Warm cache: the set expires (max-age 6 h), then the provider goes down; the keys we have keep serving, and the
        // provider is asked again only after the refetch interval.
        Factory.JwksClock.Advance(TimeSpan.FromHours(7));
        apple.Outage = true;
        await External.SignInAsync("apple", apple.Sign(claims), nonce);
        Assert.Equal(3, apple.JwksHits);
        await External.SignInAsync("apple", apple.Sign(claims), nonce);
        Assert.Equal(3, apple.JwksHits);
    }

    [Fact]
    public async Task Providers_without_configuration_are_404_and_not_offered()
    {
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("facebook", "token"), HttpStatusCode.NotFound, "accounts.provider_not_configured");
        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("kakao", "token"), HttpStatusCode.NotFound, "accounts.provider_not_configured");
        var user = await Api.NewUserAsync();
        var link = await Api.As(user).PostAsync("/api/v1/accounts/me/logins/kakao", JsonContent.Create(new { token = "token" }));
        await ExternalApi.ExpectProblemAsync(link, HttpStatusCode.NotFound, "accounts.provider_not_configured");

        var methods = await Api.As(user).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/accounts/me/logins");
        Assert.Equal(["apple", "google"], methods.GetProperty("availableProviders").EnumerateArray().Select(p => p.GetString()));
    }
}
