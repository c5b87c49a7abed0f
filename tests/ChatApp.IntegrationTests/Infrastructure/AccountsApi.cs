using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatApp.IntegrationTests.Infrastructure;

public sealed record Tokens(
    string AccessToken,
    DateTime AccessTokenExpiresAt,
    string RefreshToken,
    DateTime RefreshTokenExpiresAt,
    Guid SessionId,
    string TokenType);

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

/// <summary>Calls the Accounts API the way the mobile app does.</summary>
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

    public Task<HttpResponseMessage> PostRegisterAsync(object body) =>
        Anonymous().PostAsJsonAsync("/api/v1/accounts/register", body);

    public Task<HttpResponseMessage> PostLoginAsync(string email, string password, string? deviceName = null) =>
        Anonymous().PostAsJsonAsync("/api/v1/accounts/login", new { email, password, deviceName });

    public Task<HttpResponseMessage> PostRefreshAsync(string refreshToken) =>
        Anonymous().PostAsJsonAsync("/api/v1/accounts/refresh", new { refreshToken });

    public async Task<Guid> RegisterAsync(string email, string password = Password, string displayName = "Test User")
    {
        var response = await PostRegisterAsync(new { email, password, displayName });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("userId").GetGuid();
    }

    public async Task<Tokens> LoginAsync(string email, string password = Password, string? deviceName = "test device")
    {
        var response = await PostLoginAsync(email, password, deviceName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public async Task<Tokens> RefreshAsync(string refreshToken)
    {
        var response = await PostRefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public async Task<TestUser> NewUserAsync(string displayName = "Test User")
    {
        var email = UniqueEmail();
        var id = await RegisterAsync(email, Password, displayName);
        return new TestUser(id, email, Password, await LoginAsync(email));
    }
}
