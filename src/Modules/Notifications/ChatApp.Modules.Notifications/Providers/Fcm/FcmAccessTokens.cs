using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>
/// OAuth2 access tokens for the FCM HTTP v1 API by the JWT-bearer grant (RFC 7523) of a service account: an RS256
/// assertion (kid = private_key_id, iss = client_email, scope = firebase.messaging, aud = token_uri, one hour) posted
/// to token_uri. A token is reused until five minutes before it expires; concurrent sends wait for one grant.
/// </summary>
internal sealed class FcmAccessTokens : IDisposable
{
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";
    public static readonly TimeSpan AssertionLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly FcmServiceAccount _account;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RSA _rsa;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SemaphoreSlim _grant = new(1, 1);
    private CachedToken? _current;

    public FcmAccessTokens(FcmServiceAccount account, IHttpClientFactory httpClients, TimeProvider timeProvider, ILogger logger)
    {
        _account = account;
        _httpClients = httpClients;
        _timeProvider = timeProvider;
        _logger = logger;
        _rsa = RSA.Create();
        _rsa.ImportFromPem(account.PrivateKeyPem);
        _credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = account.PrivateKeyId }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>How many tokens were granted (for tests and metrics).</summary>
    public int Granted { get; private set; }

    /// <summary>A valid access token, or why none could be had (the grant was refused or the token endpoint is unreachable).</summary>
    public async Task<Result<string>> GetAsync(CancellationToken cancellationToken)
    {
        if (Usable(_current) is { } cached)
        {
            return cached;
        }

        await _grant.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_current) is { } renewed)
            {
                return renewed;
            }

            var granted = await GrantAsync(cancellationToken);
            if (granted.IsSuccess)
            {
                _current = granted.Value;
                Granted++;
                return granted.Value.AccessToken;
            }

            return granted.Error;
        }
        finally
        {
            _grant.Release();
        }
    }

    /// <summary>FCM refused <paramref name="rejected"/> (401): the next <see cref="GetAsync"/> asks for a new one, unless another send already did.</summary>
    public void Invalidate(string rejected)
    {
        var current = _current;
        if (current?.AccessToken == rejected)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose()
    {
        _grant.Dispose();
        _rsa.Dispose();
    }

    /// <summary>The signed assertion of the grant.</summary>
    public string CreateAssertion(DateTimeOffset now) => _tokens.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = _account.ClientEmail,
        Audience = _account.TokenUri.OriginalString,
        IssuedAt = now.UtcDateTime,
        Expires = (now + AssertionLifetime).UtcDateTime,
        Claims = new Dictionary<string, object> { ["scope"] = Scope },
        SigningCredentials = _credentials,
    });

    private string? Usable(CachedToken? token) => token is not null && _timeProvider.GetUtcNow() < token.RenewAt ? token.AccessToken : null;

    private async Task<Result<CachedToken>> GrantAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, _account.TokenUri)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = CreateAssertion(now),
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _httpClients.CreateClient(PushHttpClients.Fcm).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogError("The Google token endpoint refused the Firebase service account {ClientEmail} ({Status}): {Body}; Android pushes wait", _account.ClientEmail, (int)response.StatusCode, Excerpt(body));
                return Error.Unavailable("fcm_grant_refused", $"The token endpoint answered {(int)response.StatusCode}: {Excerpt(body)}");
            }

            return Read(body, now) is { } token
                ? token
                : Error.Unavailable("fcm_grant_unreadable", "The token endpoint's answer has no access_token: " + Excerpt(body));
        }
        catch (Exception exception) when (PushFailures.IsTransport(exception, cancellationToken))
        {
            _logger.LogWarning("The Google token endpoint could not be reached ({Error}); Android pushes wait", exception.Message);
            return Error.Unavailable("fcm_grant_unreachable", "The token endpoint could not be reached: " + exception.Message);
        }
    }

    private static CachedToken? Read(string body, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } value)
            {
                return null;
            }

            var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromHours(1);
            var keep = lifetime > RenewBeforeExpiry ? lifetime - RenewBeforeExpiry : lifetime / 2;
            return new CachedToken(value, now + keep);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAt);
}
