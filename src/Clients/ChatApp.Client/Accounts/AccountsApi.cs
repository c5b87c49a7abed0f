using ChatApp.Client.Http;

namespace ChatApp.Client.Accounts;

/// <summary>Sign-up, sign-in and the signed-in person's profile (docs/api.md "Accounts").</summary>
public sealed class AccountsApi
{
    private readonly ApiConnection _api;

    internal AccountsApi(ApiConnection api) => _api = api;

    public Task<Registration> RegisterAsync(string email, string password, string displayName, string? handle = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Registration>(HttpMethod.Post, "/api/v1/accounts/register", new { email, password, displayName, handle }, authenticated: false, cancellationToken);

    /// <summary>Signs in and keeps the session's tokens in the token store.</summary>
    public async Task<TokenResponse> LoginAsync(string email, string password, string? deviceName = null, CancellationToken cancellationToken = default)
    {
        var tokens = await _api.SendJsonAsync<TokenResponse>(HttpMethod.Post, "/api/v1/accounts/login", new { email, password, deviceName }, authenticated: false, cancellationToken);
        await _api.Session.StartAsync(tokens, cancellationToken);
        return tokens;
    }

    /// <summary>Exchanges a refresh token for a new pair. <see cref="Auth.Session"/> calls this for you.</summary>
    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<TokenResponse>(HttpMethod.Post, "/api/v1/accounts/refresh", new { refreshToken }, authenticated: false, cancellationToken);

    /// <summary>Revokes this session on the server and forgets its tokens.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/accounts/logout", null, cancellationToken);
        }
        finally
        {
            await _api.Session.EndAsync(cancellationToken);
        }
    }

    public Task<MyProfile> GetMeAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<MyProfile>("/api/v1/accounts/me", cancellationToken);

    /// <summary>PATCH /accounts/me: null leaves a field unchanged; an empty bio clears it.</summary>
    public Task<MyProfile> UpdateMeAsync(string? displayName = null, string? bio = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<MyProfile>(HttpMethod.Patch, "/api/v1/accounts/me", new { displayName, bio }, authenticated: true, cancellationToken);

    /// <summary>Sets an image uploaded with purpose avatar as my picture; answers the picture (server: AvatarResponse).</summary>
    public Task<Avatar> SetAvatarAsync(Guid mediaId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Avatar>(HttpMethod.Put, "/api/v1/accounts/me/avatar", new { mediaId }, authenticated: true, cancellationToken);

    /// <summary>Takes my picture away.</summary>
    public Task RemoveAvatarAsync(CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, "/api/v1/accounts/me/avatar", null, cancellationToken);

    /// <summary>My signed-in devices, most recently used first.</summary>
    public Task<IReadOnlyList<DeviceSession>> ListSessionsAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<DeviceSession>>("/api/v1/accounts/sessions", cancellationToken);

    /// <summary>Signs out one of my devices.</summary>
    public Task RevokeSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/accounts/sessions/{sessionId}", null, cancellationToken);

    /// <summary>Someone's public profile (GET /users/{userId}).</summary>
    public Task<PublicProfile> GetUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        _api.GetAsync<PublicProfile>($"/api/v1/users/{userId}", cancellationToken);
}
