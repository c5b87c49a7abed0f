using ChatApp.Client.Accounts;

namespace ChatApp.Client.Auth;

/// <summary>
/// Keeps the signed-in device's tokens. Docs/api.md "Tokens": store the new refresh token before using the new access
/// token; a used refresh token revokes the session when presented again.
/// </summary>
public interface ITokenStore
{
    ValueTask<TokenResponse?> GetAsync(CancellationToken cancellationToken);

    ValueTask SetAsync(TokenResponse tokens, CancellationToken cancellationToken);

    ValueTask ClearAsync(CancellationToken cancellationToken);
}
