using ChatApp.Client;
using ChatApp.Client.Accounts;
using ChatApp.Client.Auth;

namespace ChatApp.LoadTest;

/// <summary>The REST calls the tool needs to set up users and rooms, through the typed client (strict about the answers).</summary>
internal sealed class ServerApi(Uri baseAddress) : IDisposable
{
    private const string Password = "Load-test-password-1";
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<LoadUser> CreateUserAsync(string email)
    {
        var registration = await Client().Accounts.RegisterAsync(email, Password, email[..email.IndexOf('@')]);
        return await LoginAsync(registration.UserId, email);
    }

    /// <summary>Signs the user in again (a new session) for a fresh access token.</summary>
    public async Task<LoadUser> LoginAsync(Guid userId, string email)
    {
        var tokens = await Client().Accounts.LoginAsync(email, Password, "load tool");
        return new LoadUser(userId, email, tokens.AccessToken, new DateTimeOffset(DateTime.SpecifyKind(tokens.AccessTokenExpiresAt, DateTimeKind.Utc)));
    }

    public async Task<Guid> CreateGroupAsync(LoadUser owner, string name, IEnumerable<Guid> memberIds) =>
        (await Client(owner).Chat.CreateGroupAsync(name, memberIds)).Id;

    /// <summary>Registers an Android phone's FCM token for the user's session (as the app does after signing in).</summary>
    public Task RegisterAndroidDeviceAsync(LoadUser user, string token) =>
        Client(user).Notifications.RegisterDeviceAsync("android", token, "com.example.chatapp.bench");

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// A client on the shared HttpClient, signed in with the user's access token. The tool keeps no refresh token (it
    /// signs users in again when their tokens run out: <see cref="LoadRun"/>), so the client never refreshes.
    /// </summary>
    private ChatAppClient Client(LoadUser? user = null)
    {
        var store = new InMemoryTokenStore();
        if (user is not null)
        {
            var expires = user.AccessTokenExpiresAt.UtcDateTime;
            store.SetAsync(new TokenResponse(user.AccessToken, expires, "", expires, Guid.Empty, "Bearer"), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return new ChatAppClient(_http, new ChatAppClientOptions { StrictContract = true, TokenStore = store, RefreshBeforeExpiry = TimeSpan.Zero });
    }
}
