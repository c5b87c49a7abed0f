using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Client;
using ChatApp.Client.Auth;

namespace ChatApp.IntegrationTests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string Password, Tokens Tokens);

/// <summary>A ProblemDetails body as the client sees it.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, string? Code, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.TryGetProperty("errors", out var errorsElement))
        {
            foreach (var field in errorsElement.EnumerateObject())
            {
                errors[field.Name] = field.Value.EnumerateArray().Select(e => e.GetString()!).ToArray();
            }
        }

        return new Problem(
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("title", out var title) ? title.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            root.TryGetProperty("code", out var code) ? code.GetString() : null,
            errors);
    }
}

/// <summary>
/// Calls the Accounts API the way the mobile app does: the typed client (strict: an answer with a field the client does
/// not know, or without one it requires, fails the test) for the common steps, raw requests for what a test inspects.
/// </summary>
public sealed class AccountsApi(ChatAppFactory factory)
{
    public const string Password = "Corr3ct-Horse";

    public static string UniqueEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public HttpClient Anonymous() => factory.CreateClient();

    public HttpClient As(string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public HttpClient As(TestUser user) => As(user.Tokens.AccessToken);

    /// <summary>The typed client, strict about the contract, signed in as nobody.</summary>
    public ChatAppClient Client() => new(factory.CreateClient(), new ChatAppClientOptions { StrictContract = true });

    /// <summary>The typed client, strict about the contract, signed in with the user's tokens (it refreshes them itself).</summary>
    public ChatAppClient Client(TestUser user)
    {
        var store = new InMemoryTokenStore();
        store.SetAsync(user.Tokens, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return new ChatAppClient(factory.CreateClient(), new ChatAppClientOptions { StrictContract = true, TokenStore = store });
    }

    public Task<HttpResponseMessage> PostRegisterAsync(object body) =>
        Anonymous().PostAsJsonAsync("/api/v1/accounts/register", body);

    public Task<HttpResponseMessage> PostLoginAsync(string email, string password, string? deviceName = null) =>
        Anonymous().PostAsJsonAsync("/api/v1/accounts/login", new { email, password, deviceName });

    public Task<HttpResponseMessage> PostRefreshAsync(string refreshToken) =>
        Anonymous().PostAsJsonAsync("/api/v1/accounts/refresh", new { refreshToken });

    public async Task<Guid> RegisterAsync(string email, string password = Password, string displayName = "Test User") =>
        (await Client().Accounts.RegisterAsync(email, password, displayName)).UserId;

    public Task<Tokens> LoginAsync(string email, string password = Password, string? deviceName = "test device") =>
        Client().Accounts.LoginAsync(email, password, deviceName);

    public Task<Tokens> RefreshAsync(string refreshToken) => Client().Accounts.RefreshAsync(refreshToken);

    public async Task<TestUser> NewUserAsync(string displayName = "Test User")
    {
        var email = UniqueEmail();
        var id = await RegisterAsync(email, Password, displayName);
        return new TestUser(id, email, Password, await LoginAsync(email));
    }
}
