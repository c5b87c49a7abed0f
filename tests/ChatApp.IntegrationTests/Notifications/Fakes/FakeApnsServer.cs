using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>
/// A stand-in for APNs on loopback: HTTPS with an in-process certificate, HTTP/2 only, <c>POST /3/device/{token}</c>,
/// checking what APNs checks: the ES256 provider token (signed with <see cref="KeyP8"/>, kid = <see cref="KeyId"/>,
/// iss = <see cref="TeamId"/>, iat not in the future and under an hour old → else 403 with APNs' reason), the topic,
/// push type and priority (background ⇒ priority 5, content-available and no alert/sound/badge), collapse id ≤ 64 bytes,
/// payload ≤ 4096 bytes (413). Always answers an <c>apns-id</c>. Answers per token can be scripted (<see cref="Script"/>),
/// the whole service can be down (<see cref="Outage"/>). Give the host <see cref="Settings"/> and trust the certificate
/// (<see cref="PushStandInTrust.TrustApnsStandIn"/> in-process, <see cref="CertificatePemPath"/> as SSL_CERT_FILE for a process).
/// </summary>
public sealed partial class FakeApnsServer : IAsyncDisposable
{
    public const string KeyId = "TESTKEY123";
    public const string TeamId = "TESTTEAM99";
    public const string Topic = "com.chatapp.test";
    public const int MaxPayloadBytes = 4096;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _publicKey;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ApnsReply>> _scripts = new();
    private readonly ConcurrentDictionary<string, bool> _expiredProviderTokens = new();
    private readonly ConcurrentDictionary<string, bool> _providerTokensSeen = new();
    private readonly JsonWebTokenHandler _jwt = new();
    private WebApplication? _app;

    private FakeApnsServer()
    {
        _certificate = CreateCertificate();
        CertificatePemPath = Path.Combine(Path.GetTempPath(), $"apns-stand-in-{Guid.NewGuid():N}.pem");
        File.WriteAllText(CertificatePemPath, _certificate.ExportCertificatePem() + "\n");
        KeyP8 = _key.ExportPkcs8PrivateKeyPem() + "\n";
        _publicKey = ECDsa.Create(_key.ExportParameters(false));
    }

    /// <summary>The address to give as <c>Notifications:Apns:BaseAddress</c> (https://127.0.0.1:port).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The provider key as Apple hands it out (.p8: PKCS#8 PEM of a P-256 key).</summary>
    public string KeyP8 { get; }

    /// <summary>The server certificate's SHA-256 thumbprint (hex), for pinning.</summary>
    public string CertificateSha256 => _certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The server certificate as a PEM file: <c>SSL_CERT_FILE</c> for a host process to trust it.</summary>
    public string CertificatePemPath { get; }

    /// <summary>The configuration a host needs to push through this stand-in (it must also trust the certificate).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Notifications:Apns:KeyP8"] = KeyP8,
        ["Notifications:Apns:KeyId"] = KeyId,
        ["Notifications:Apns:TeamId"] = TeamId,
        ["Notifications:Apns:Topic"] = Topic,
        ["Notifications:Apns:BaseAddress"] = BaseAddress.ToString(),
    };

    /// <summary>The same as environment variables for a host process, with <c>SSL_CERT_FILE</c> so that it trusts the certificate.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables =>
        Settings.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value)
            .Append(KeyValuePair.Create("SSL_CERT_FILE", CertificatePemPath))
            .ToDictionary();

    /// <summary>Topics (bundle ids) the key may push to besides <see cref="Topic"/>.</summary>
    public ConcurrentDictionary<string, bool> OtherTopics { get; } = new();

    /// <summary>While true every push answers 503 ServiceUnavailable.</summary>
    public bool Outage { get; set; }

    /// <summary>Distinct provider tokens that passed the checks so far.</summary>
    public int ProviderTokensSeen => _providerTokensSeen.Count;

    /// <summary>Pushes answered 200.</summary>
    public StandInRecord<ApnsRequest> Accepted { get; } = new();

    /// <summary>Pushes answered otherwise, with the reason.</summary>
    public StandInRecord<ApnsRequest> Rejected { get; } = new();

    public static async Task<FakeApnsServer> StartAsync()
    {
        var server = new FakeApnsServer();
        (server._app, server.BaseAddress) = await StandInServer.StartAsync(server.HandleAsync, server._certificate);
        return server;
    }

    /// <summary>The next pushes to <paramref name="token"/> get these answers, in order; after them 200 again.</summary>
    public void Script(string token, params ApnsReply[] replies)
    {
        var queue = _scripts.GetOrAdd(token, _ => new ConcurrentQueue<ApnsReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>Every provider token seen so far is answered 403 ExpiredProviderToken from now on.</summary>
    public void ExpireProviderTokens()
    {
        foreach (var token in _providerTokensSeen.Keys)
        {
            _expiredProviderTokens[token] = true;
        }
    }

    /// <summary>A device token in APNs' format (64 hex digits).</summary>
    public static string NewDeviceToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public Task<IReadOnlyList<ApnsRequest>> WaitForAcceptedAsync(string token, int count, TimeSpan? timeout = null) =>
        Accepted.WaitForAsync(r => r.Token == token, count, timeout, $"accepted APNs pushes to {token}");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _certificate.Dispose();
        _key.Dispose();
        _publicKey.Dispose();
        File.Delete(CertificatePemPath);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var apnsId = context.Request.Headers["apns-id"].ToString() is { Length: > 0 } given ? given : Guid.NewGuid().ToString().ToUpperInvariant();
        context.Response.Headers["apns-id"] = apnsId;
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var path = context.Request.Path.Value ?? "";
        var token = path.StartsWith("/3/device/", StringComparison.Ordinal) ? path["/3/device/".Length..] : "";
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        JsonObject? payload = null;
        try
        {
            payload = bytes.Length > 0 ? JsonNode.Parse(bytes) as JsonObject : null;
        }
        catch (JsonException)
        {
            // checked below
        }

        var authorization = headers.GetValueOrDefault("authorization") ?? "";
        var providerToken = authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["bearer ".Length..] : null;
        var (status, reason, timestamp, retryAfter) = await CheckAsync(context, token, headers, providerToken, payload, bytes.Length);
        var request = new ApnsRequest(token, context.Request.Protocol, headers, payload, bytes.Length, providerToken, status, reason);
        if (status == 200)
        {
            Accepted.Add(request);
            context.Response.StatusCode = 200;
            return;
        }

        Rejected.Add(request);
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json";
        var body = new JsonObject { ["reason"] = reason };
        if (timestamp is { } since)
        {
            body["timestamp"] = since.ToUnixTimeMilliseconds();
        }

        await context.Response.WriteAsync(body.ToJsonString());
    }

    private async Task<(int Status, string? Reason, DateTimeOffset? Timestamp, string? RetryAfter)> CheckAsync(
        HttpContext context, string token, Dictionary<string, string> headers, string? providerToken, JsonObject? payload, int payloadBytes)
    {
        if (context.Request.Protocol != "HTTP/2")
        {
            return (400, "BadProtocol", null, null);
        }

        if (!context.Request.Path.StartsWithSegments("/3/device"))
        {
            return (404, "BadPath", null, null);
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return (405, "MethodNotAllowed", null, null);
        }

        if (Outage)
        {
            return (503, "ServiceUnavailable", null, null);
        }

        if (providerToken is null)
        {
            return (403, "MissingProviderToken", null, null);
        }

        if (await ProviderTokenProblemAsync(providerToken) is { } tokenProblem)
        {
            return (403, tokenProblem, null, null);
        }

        _providerTokensSeen[providerToken] = true;
        if (headers.GetValueOrDefault("apns-topic") is not { Length: > 0 } topic)
        {
            return (400, "MissingTopic", null, null);
        }

        if (topic != Topic && !OtherTopics.ContainsKey(topic))
        {
            return (400, "TopicDisallowed", null, null);
        }

        var pushType = headers.GetValueOrDefault("apns-push-type");
        if (pushType is not ("alert" or "background"))
        {
            return (400, "InvalidPushType", null, null);
        }

        var priority = headers.GetValueOrDefault("apns-priority");
        if (priority is not (null or "10" or "5" or "1") || (pushType == "background" && priority != "5"))
        {
            return (400, "BadPriority", null, null);
        }

        if (headers.GetValueOrDefault("apns-collapse-id") is { } collapseId && Encoding.UTF8.GetByteCount(collapseId) > 64)
        {
            return (400, "BadCollapseId", null, null);
        }

        if (headers.GetValueOrDefault("apns-expiration") is { } expiration && !long.TryParse(expiration, out _))
        {
            return (400, "BadExpirationDate", null, null);
        }

        if (payloadBytes > MaxPayloadBytes)
        {
            return (413, "PayloadTooLarge", null, null);
        }

        if (payloadBytes == 0)
        {
            return (400, "PayloadEmpty", null, null);
        }

        if (PayloadProblem(payload, pushType) is { } payloadProblem)
        {
            return (400, payloadProblem, null, null);
        }

        if (!DeviceToken().IsMatch(token))
        {
            return (400, "BadDeviceToken", null, null);
        }

        if (_scripts.TryGetValue(token, out var script) && script.TryDequeue(out var reply))
        {
            return (reply.Status, reply.Reason, reply.Timestamp, reply.RetryAfter);
        }

        return (200, null, null, null);
    }

    private async Task<string?> ProviderTokenProblemAsync(string providerToken)
    {
        if (!_jwt.CanReadToken(providerToken))
        {
            return "InvalidProviderToken";
        }

        var jwt = _jwt.ReadJsonWebToken(providerToken);
        if (jwt.Alg != SecurityAlgorithms.EcdsaSha256 || jwt.Kid != KeyId)
        {
            return "InvalidProviderToken";
        }

        var result = await _jwt.ValidateTokenAsync(providerToken, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(_publicKey),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidIssuer = TeamId,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        if (!result.IsValid || !jwt.TryGetPayloadValue<long>("iat", out var iat))
        {
            return "InvalidProviderToken";
        }

        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(iat);
        if (age < TimeSpan.FromSeconds(-30))
        {
            return "InvalidProviderToken";
        }

        return age >= TimeSpan.FromHours(1) || _expiredProviderTokens.ContainsKey(providerToken) ? "ExpiredProviderToken" : null;
    }

    private static string? PayloadProblem(JsonObject? payload, string pushType)
    {
        if (payload?["aps"] is not JsonObject aps)
        {
            return "BadPayload";
        }

        if (pushType == "alert")
        {
            return aps["alert"] is null ? "BadPayload" : null;
        }

        var contentAvailable = aps["content-available"] is JsonValue value && value.TryGetValue<int>(out var flag) && flag == 1;
        return contentAvailable && aps["alert"] is null && aps["sound"] is null && aps["badge"] is null ? null : "BadPayload";
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex DeviceToken();
}
