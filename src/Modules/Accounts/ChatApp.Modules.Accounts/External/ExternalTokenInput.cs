namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// The shape checks of a provider token and nonce as the app sends them, made by the endpoints before the provider is
/// asked (the token is verified outside the unit of work, so these checks cannot wait for the command's validator).
/// </summary>
internal static class ExternalTokenInput
{
    public const int TokenMaxLength = 8192;
    public const int NonceMaxLength = 512;

    /// <summary>Null when the token and nonce may be sent to the provider; else the validation problem to answer.</summary>
    public static Error? Check(string? token, string? nonce)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Error.Validation("token", "'Token' must not be empty.");
        }

        if (token.Length > TokenMaxLength)
        {
            return Error.Validation("token", $"The length of 'Token' must be {TokenMaxLength} characters or fewer.");
        }

        return nonce is { Length: > NonceMaxLength }
            ? Error.Validation("nonce", $"The length of 'Nonce' must be {NonceMaxLength} characters or fewer.")
            : null;
    }

    /// <summary>Checks the input, then verifies the token with its provider; call it before any transaction is opened.</summary>
    public static async Task<Result<ExternalIdentity>> CheckAndVerifyAsync(
        this IExternalTokenVerifier verifier, string provider, string? token, string? nonce, CancellationToken cancellationToken) =>
        Check(token, nonce) is { } invalid ? invalid : await verifier.VerifyAsync(provider, token!, nonce, cancellationToken);
}
