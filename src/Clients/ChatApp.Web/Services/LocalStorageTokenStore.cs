using System.Text.Json;
using ChatApp.Client.Accounts;
using ChatApp.Client.Auth;
using Microsoft.JSInterop;

namespace ChatApp.Web.Services;

/// <summary>
/// The session's tokens in the browser's <c>localStorage</c>, so a reload stays signed in (ADR 0025 part D: the
/// refresh token is readable by script of this origin; the policy allows no script but the app's own).
/// </summary>
internal sealed class LocalStorageTokenStore(IJSRuntime js) : ITokenStore
{
    private const string Key = "chatapp.tokens";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TokenResponse? _cached;
    private bool _loaded;

    public async ValueTask<TokenResponse?> GetAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            var stored = await js.InvokeAsync<string?>("localStorage.getItem", cancellationToken, Key);
            _cached = string.IsNullOrEmpty(stored) ? null : JsonSerializer.Deserialize<TokenResponse>(stored, Json);
            _loaded = true;
        }

        return _cached;
    }

    public async ValueTask SetAsync(TokenResponse tokens, CancellationToken cancellationToken)
    {
        _cached = tokens;
        _loaded = true;
        await js.InvokeVoidAsync("localStorage.setItem", cancellationToken, Key, JsonSerializer.Serialize(tokens, Json));
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _cached = null;
        _loaded = true;
        await js.InvokeVoidAsync("localStorage.removeItem", cancellationToken, Key);
    }
}
