using ChatApp.Client.Accounts;

namespace ChatApp.Client.Auth;

/// <summary>Tokens kept for the life of the process only.</summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private volatile TokenResponse? _tokens;

    public ValueTask<TokenResponse?> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_tokens);

    public ValueTask SetAsync(TokenResponse tokens, CancellationToken cancellationToken)
    {
        _tokens = tokens;
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _tokens = null;
        return ValueTask.CompletedTask;
    }
}
