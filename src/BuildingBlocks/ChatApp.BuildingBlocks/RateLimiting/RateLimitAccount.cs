using System.Security.Cryptography;
using System.Text;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// Endpoint metadata: which member of an anonymous request's JSON body names the account that a policy's
/// <c>PerAccount</c> limit counts (an authenticated request is counted by its user id instead). Keys are hashed, so no
/// e-mail or token is kept in the counter store.
/// </summary>
public sealed class RateLimitAccount
{
    private RateLimitAccount(string property, bool isEmail)
    {
        Property = property;
        IsEmail = isEmail;
    }

    /// <summary>The body member (matched case-insensitively, as the JSON binder does).</summary>
    public string Property { get; }

    private bool IsEmail { get; }

    /// <summary>An e-mail: counted as Identity normalises it (trimmed, NFC, upper case), so spellings of one address share a count.</summary>
    public static RateLimitAccount Email(string property) => new(property, isEmail: true);

    /// <summary>A secret such as a refresh token: counted exactly as given.</summary>
    public static RateLimitAccount Secret(string property) => new(property, isEmail: false);

    internal string KeyOf(string value)
    {
        // Text that cannot be normalised (a noncharacter, an unpaired surrogate) is counted as given: the endpoint refuses it.
        var normalized = IsEmail && Text.UserText.IsWellFormed(value) ? value.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant() : value;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)), 0, 16);
    }
}
