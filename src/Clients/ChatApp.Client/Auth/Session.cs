using System.Net;
using ChatApp.Client.Accounts;

namespace ChatApp.Client.Auth;

/// <summary>
/// The signed-in session: hands out a current access token, refreshing it shortly before it expires and when the
/// server answers 401, with one refresh in flight at a time (a refresh token works once). A refused refresh clears the
/// tokens and raises <see cref="SignedOut"/>.
/// </summary>
public sealed class Session
{
    private readonly ITokenStore _store;
    private readonly Func<string, CancellationToken, Task<TokenResponse>> _refresh;
    private readonly TimeSpan _refreshBeforeExpiry;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    internal Session(ITokenStore store, Func<string, CancellationToken, Task<TokenResponse>> refresh, TimeSpan refreshBeforeExpiry, TimeProvider time)
    {
        _store = store;
        _refresh = refresh;
        _refreshBeforeExpiry = refreshBeforeExpiry;
        _time = time;
    }

    /// <summary>The refresh token was refused (expired, revoked, account suspended): show the sign-in screen.</summary>
    public event Action<ChatAppApiException>? SignedOut;

    /// <summary>New tokens were stored after a refresh.</summary>
    public event Action<TokenResponse>? Refreshed;

    public async ValueTask<bool> IsSignedInAsync(CancellationToken cancellationToken = default) => await _store.GetAsync(cancellationToken) is not null;

    /// <summary>Keeps a sign-in's tokens; waits for a refresh in flight, so its answer cannot overwrite them.</summary>
    internal async ValueTask StartAsync(TokenResponse tokens, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await _store.SetAsync(tokens, cancellationToken);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Forgets the tokens (sign-out); waits for a refresh in flight, so its answer cannot bring them back.</summary>
    internal async ValueTask EndAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(CancellationToken.None);
        try
        {
            await _store.ClearAsync(cancellationToken);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>A usable access token (refreshed first if it is about to expire), or null when signed out.</summary>
    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var tokens = await _store.GetAsync(cancellationToken);
        if (tokens is null)
        {
            return null;
        }
        if (tokens.AccessTokenExpiresAt - _refreshBeforeExpiry > _time.GetUtcNow().UtcDateTime)
        {
            return tokens.AccessToken;
        }
        return await RefreshAsync(tokens.AccessToken, cancellationToken);
    }

    /// <summary>
    /// Refreshes unless someone already replaced <paramref name="staleAccessToken"/> (then their new token is used):
    /// concurrent 401s of one token cause one refresh.
    /// </summary>
    public async Task<string?> RefreshAsync(string staleAccessToken, CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var tokens = await _store.GetAsync(cancellationToken);
            if (tokens is null)
            {
                return null;
            }
            if (!string.Equals(tokens.AccessToken, staleAccessToken, StringComparison.Ordinal)
                && tokens.AccessTokenExpiresAt - _refreshBeforeExpiry > _time.GetUtcNow().UtcDateTime)
            {
                return tokens.AccessToken;
            }
            TokenResponse fresh;
            try
            {
                // Not the caller's token: a refresh the server has rotated must be stored even if this caller gave up,
                // or the next refresh would reuse the spent token (reuse revokes the session).
                fresh = await _refresh(tokens.RefreshToken, CancellationToken.None);
            }
            catch (ChatAppApiException refused) when (refused.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                await _store.ClearAsync(cancellationToken);
                SignedOut?.Invoke(refused);
                return null;
            }
            await _store.SetAsync(fresh, CancellationToken.None);
            Refreshed?.Invoke(fresh);
            return fresh.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
