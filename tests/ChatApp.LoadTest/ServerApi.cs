using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatApp.LoadTest;

/// <summary>The REST calls the tool needs to set up users and rooms.</summary>
internal sealed class ServerApi(Uri baseAddress) : IDisposable
{
    private const string Password = "Load-test-password-1";
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<LoadUser> CreateUserAsync(string email)
    {
        var registered = await _http.PostAsJsonAsync("/api/v1/accounts/register", new { email, password = Password, displayName = email[..email.IndexOf('@')] });
        await EnsureAsync(registered, "register");
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        return await LoginAsync(userId, email);
    }

    /// <summary>Signs the user in again (a new session) for a fresh access token.</summary>
    public async Task<LoadUser> LoginAsync(Guid userId, string email)
    {
        var login = await _http.PostAsJsonAsync("/api/v1/accounts/login", new { email, password = Password, deviceName = "load tool" });
        await EnsureAsync(login, "login");
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        return new LoadUser(userId, email, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("accessTokenExpiresAt").GetDateTimeOffset());
    }

    public async Task<Guid> CreateGroupAsync(LoadUser owner, string name, IEnumerable<Guid> memberIds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/chat/rooms") { Content = JsonContent.Create(new { name, memberIds }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner.AccessToken);
        var response = await _http.SendAsync(request);
        await EnsureAsync(response, "create room");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Registers an Android phone's FCM token for the user's session (as the app does after signing in).</summary>
    public async Task RegisterAndroidDeviceAsync(LoadUser user, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/notifications/devices")
        {
            Content = JsonContent.Create(new { platform = "android", token, appId = "com.example.chatapp.bench" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        await EnsureAsync(await _http.SendAsync(request), "register device");
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
