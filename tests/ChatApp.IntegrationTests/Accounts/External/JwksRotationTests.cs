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

        // The first set is kept for 2 s only; the sets after it for hours.
        google.MaxAge = TimeSpan.FromSeconds(2);
        var firstKey = google.CurrentKeyId;
        var oldToken = Token();
        await External.SignInAsync("google", oldToken, nonce, expected: HttpStatusCode.Created);
        var fetchedBy = DateTime.UtcNow; // the set was fetched before the answer came, so it expires by fetchedBy + 2 s
        Assert.Equal(1, google.JwksHits);
        google.MaxAge = TimeSpan.FromHours(6);

        // Rotation: the old key is dropped, a second one published. Once the cached set has expired, the next fetch drops the old key.
        google.CurrentKeyId = google.AddKey();
        google.RemoveKey(firstKey);
        var wait = fetchedBy + TimeSpan.FromSeconds(2.5) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

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
    public async Task A_key_set_outage_is_503_with_a_cold_cache_and_unnoticed_with_a_warm_one()
    {
        var apple = Factory.Providers.Apple;
        var nonce = Guid.NewGuid().ToString("N");
        var claims = apple.Claims("outage." + Guid.NewGuid().ToString("N"), FakeOpenIdProvider.Sha256Hex(nonce));
        apple.Outage = true;

        await ExternalApi.ExpectProblemAsync(await External.PostSignInAsync("apple", apple.Sign(claims), nonce), HttpStatusCode.ServiceUnavailable, "accounts.provider_unavailable");
        Assert.Equal(0, await External.UserCountAsync());

        apple.Outage = false;
        await External.SignInAsync("apple", apple.Sign(claims), nonce, expected: HttpStatusCode.Created);
        apple.Outage = true;
        await External.SignInAsync("apple", apple.Sign(claims), nonce);
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
