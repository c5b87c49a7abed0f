using ChatApp.Client;
using ChatApp.Client.Accounts;
using ChatApp.Client.Auth;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Client;

/// <summary>The client's session against the real host: expired and refused access tokens are refreshed once.</summary>
public sealed class ClientSessionTests(ShortTokenFactory factory) : IntegrationTest<ShortTokenFactory>(factory)
{
    private const string Password = "Corr3ct-Horse";

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_and_the_call_succeeds()
    {
        await using var client = new ChatAppClient(Factory.CreateClient(), new ChatAppClientOptions { StrictContract = true, RefreshBeforeExpiry = TimeSpan.Zero });
        var refreshes = new List<TokenResponse>();
        client.Session.Refreshed += refreshes.Add;
        var email = Infrastructure.AccountsApi.UniqueEmail();
        await client.Accounts.RegisterAsync(email, Password, "Expiring");
        var first = await client.Accounts.LoginAsync(email, Password);
        await client.Accounts.GetMeAsync();
        Assert.Empty(refreshes);
        await Eventually.Async(() => Task.FromResult(DateTime.UtcNow > first.AccessTokenExpiresAt.AddMilliseconds(100)));

        var profiles = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.Accounts.GetMeAsync()));

        Assert.All(profiles, p => Assert.Equal(email, p.Email));
        var refreshed = Assert.Single(refreshes);
        Assert.Equal(first.SessionId, refreshed.SessionId);
        Assert.NotEqual(first.RefreshToken, refreshed.RefreshToken);
    }

    [Fact]
    public async Task A_401_refreshes_once_and_the_call_is_repeated_with_the_new_token()
    {
        var email = Infrastructure.AccountsApi.UniqueEmail();
        await using (var signUp = new ChatAppClient(Factory.CreateClient()))
        {
            await signUp.Accounts.RegisterAsync(email, Password, "Refused");
        }
        var store = new InMemoryTokenStore();
        await using var client = new ChatAppClient(Factory.CreateClient(), new ChatAppClientOptions { StrictContract = true, TokenStore = store, RefreshBeforeExpiry = TimeSpan.Zero });
        var tokens = await client.Accounts.LoginAsync(email, Password);
        // An access token the server refuses (401) while the refresh token is still good.
        await store.SetAsync(tokens with { AccessToken = "not-a-valid-token", AccessTokenExpiresAt = DateTime.UtcNow.AddMinutes(10) }, CancellationToken.None);
        var refreshes = 0;
        client.Session.Refreshed += _ => Interlocked.Increment(ref refreshes);

        var me = await client.Accounts.GetMeAsync();

        Assert.Equal(email, me.Email);
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task A_refused_refresh_signs_the_client_out()
    {
        var email = Infrastructure.AccountsApi.UniqueEmail();
        var store = new InMemoryTokenStore();
        await using var client = new ChatAppClient(Factory.CreateClient(), new ChatAppClientOptions { TokenStore = store, RefreshBeforeExpiry = TimeSpan.Zero });
        await client.Accounts.RegisterAsync(email, Password, "Signed out");
        var tokens = await client.Accounts.LoginAsync(email, Password);
        await store.SetAsync(tokens with { AccessToken = "not-a-valid-token", RefreshToken = "not-a-refresh-token" }, CancellationToken.None);
        ChatAppApiException? signedOut = null;
        client.Session.SignedOut += e => signedOut = e;

        var error = await Assert.ThrowsAsync<ChatAppApiException>(() => client.Accounts.GetMeAsync());

        Assert.Equal("unauthorized", error.Code);
        Assert.Equal("accounts.invalid_refresh_token", signedOut?.Code);
        Assert.False(await client.Session.IsSignedInAsync());
    }
}
