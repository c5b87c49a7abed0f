using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Notifications.Providers.Apns;

/// <summary>
/// The APNs provider authentication token: an ES256 JWT (header kid = Key ID, claims iss = Team ID and iat) signed with
/// the .p8 key. APNs refuses a token older than an hour (403 ExpiredProviderToken) and one renewed more often than every
/// 20 minutes (429 TooManyProviderTokenUpdates), so one token is reused for 50 minutes; a 403 about the token forces an
/// earlier renewal only of a token at least 20 minutes old (a younger one refused means a wrong key, key id, team id or
/// clock, which renewing does not fix: pushes then wait, and the error log says so).
/// </summary>
internal sealed class ApnsProviderToken : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(50);

    public static readonly TimeSpan MinRenewalInterval = TimeSpan.FromMinutes(20);

    private readonly ECDsa _key;
    private readonly SigningCredentials _credentials;
    private readonly string _teamId;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lock _lock = new();
    private (string Token, DateTimeOffset IssuedAt)? _current;

    public ApnsProviderToken(string keyPem, string keyId, string teamId, TimeProvider timeProvider)
    {
        _key = ECDsa.Create();
        _key.ImportFromPem(keyPem);
        _credentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);
        _teamId = teamId;
        _timeProvider = timeProvider;
    }

    /// <summary>How many tokens were made (tests check reuse and renewal).</summary>
    public int Issued { get; private set; }

    /// <summary>The token to send now: the current one while younger than <see cref="MaxAge"/>, else a new one.</summary>
    public string Current()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (_current is not { } current || now - current.IssuedAt >= MaxAge)
            {
                return Renew(now);
            }

            return current.Token;
        }
    }

    /// <summary>
    /// APNs refused <paramref name="rejected"/> (403 Expired/InvalidProviderToken): the token another send renewed
    /// meanwhile, else a new one, or null while the current token is younger than 20 minutes (APNs allows no more
    /// renewals, whatever made the last one).
    /// </summary>
    public string? Renew(string rejected)
    {
        lock (_lock)
        {
            if (_current is { } current && current.Token != rejected)
            {
                return current.Token;
            }

            var now = _timeProvider.GetUtcNow();
            return _current is { } young && now - young.IssuedAt < MinRenewalInterval ? null : Renew(now);
        }
    }

    public void Dispose() => _key.Dispose();

    private string Renew(DateTimeOffset now)
    {
        var token = _tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _teamId,
            IssuedAt = now.UtcDateTime,
            SigningCredentials = _credentials,
        });
        _current = (token, now);
        Issued++;
        return token;
    }
}
