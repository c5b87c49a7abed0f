using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Notifications.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.IntegrationTests.Accounts.External.Fakes;

/// <summary>
/// A stand-in for Apple's or Google's token signing: a mutable ring of RSA keys published as a JWKS at <c>GET /keys</c>
/// (with Cache-Control max-age <see cref="MaxAge"/>; HTTP 500 during an <see cref="Outage"/>), and a signer of ID
/// tokens with any of those keys, or with keys or algorithms a forger would use. Counts the JWKS fetches.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RSA> _ring = new();
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private WebApplication? _app;
    private int _jwksHits;

    private FakeOpenIdProvider(string issuer, string clientId)
    {
        Issuer = issuer;
        ClientId = clientId;
        CurrentKeyId = AddKey();
    }

    public string Issuer { get; }

    /// <summary>The audience our server is configured with.</summary>
    public string ClientId { get; }

    public Uri JwksUrl { get; private set; } = null!;

    /// <summary>The key new tokens are signed with.</summary>
    public string CurrentKeyId { get; set; }

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);

    public bool Outage { get; set; }

    public int JwksHits => Volatile.Read(ref _jwksHits);

    public static async Task<FakeOpenIdProvider> StartAsync(string issuer, string clientId)
    {
        var server = new FakeOpenIdProvider(issuer, clientId);
        (server._app, var address) = await StandInServer.StartAsync(server.HandleAsync);
        server.JwksUrl = new Uri(address, "keys");
        return server;
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Adds a key to the published ring; returns its key id.</summary>
    public string AddKey()
    {
        var kid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        _ring[kid] = RSA.Create(2048);
        return kid;
    }

    public void RemoveKey(string kid) => _ring.TryRemove(kid, out _);

    /// <summary>A valid set of claims for <paramref name="subject"/>, ten minutes to live.</summary>
    public IdTokenClaims Claims(string subject, string? nonceClaim) =>
        new(subject, Issuer, ClientId, DateTimeOffset.UtcNow.AddMinutes(10), nonceClaim);

    /// <summary>Signed (RS256) with a published key, the current one unless <paramref name="kid"/> says.</summary>
    public string Sign(IdTokenClaims claims, string? kid = null)
    {
        kid ??= CurrentKeyId;
        return Create(claims, new SigningCredentials(new RsaSecurityKey(_ring[kid]) { KeyId = kid }, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>Signed by a key nobody published, under the key id of a published one.</summary>
    public string SignWithForeignKey(IdTokenClaims claims, string? kid = null)
    {
        using var foreign = RSA.Create(2048);
        return Create(claims, new SigningCredentials(new RsaSecurityKey(foreign) { KeyId = kid ?? CurrentKeyId }, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>HMAC-signed under a published key id (the "alg confusion" forgery).</summary>
    public string SignHs256(IdTokenClaims claims) =>
        Create(claims, new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = CurrentKeyId }, SecurityAlgorithms.HmacSha256));

    /// <summary>alg "none", with a published key id in the header.</summary>
    public string Unsigned(IdTokenClaims claims)
    {
        var payload = Sign(claims).Split('.')[1];
        var header = Base64UrlEncoder.Encode($"{{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"{CurrentKeyId}\"}}");
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private string Create(IdTokenClaims claims, SigningCredentials credentials)
    {
        var body = new Dictionary<string, object>
        {
            ["sub"] = claims.Subject,
            ["aud"] = claims.Audience,
            ["iat"] = claims.Expires.AddMinutes(-60).ToUnixTimeSeconds(),
            ["exp"] = claims.Expires.ToUnixTimeSeconds(),
        };
        if (claims.Nonce is not null)
        {
            body["nonce"] = claims.Nonce;
        }

        if (claims.Email is not null)
        {
            body["email"] = claims.Email;
        }

        if (claims.EmailVerified is not null)
        {
            body["email_verified"] = claims.EmailVerified;
        }

        if (claims.Name is not null)
        {
            body["name"] = claims.Name;
        }

        if (claims.Picture is not null)
        {
            body["picture"] = claims.Picture;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = claims.Issuer,
            Claims = body,
            SigningCredentials = credentials,
        };
        return _handler.CreateToken(descriptor);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/keys")
        {
            context.Response.StatusCode = 404;
            return;
        }

        Interlocked.Increment(ref _jwksHits);
        if (Outage)
        {
            context.Response.StatusCode = 500;
            return;
        }

        var keys = new JsonArray();
        foreach (var (kid, rsa) in _ring)
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            keys.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["kid"] = kid,
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            });
        }

        context.Response.Headers.CacheControl = $"public, max-age={(int)MaxAge.TotalSeconds}, must-revalidate, no-transform";
        await context.Response.WriteAsJsonAsync(new JsonObject { ["keys"] = keys });
    }
}
