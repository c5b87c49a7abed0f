using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>
/// A stand-in for FCM HTTP v1 and Google's OAuth2 token endpoint on loopback (plain HTTP/1.1), checking what they check:
/// <c>POST /token</c> takes a JWT-bearer grant signed (RS256) with this stand-in's service-account key (kid, iss,
/// scope, aud = token_uri, at most an hour) and issues an access token; <c>POST /v1/projects/{id}/messages:send</c>
/// needs such a token (else 401) and a message FCM would accept (<see cref="FcmMessageSchema"/>, else 400 in FCM's
/// error shape). Answers per token can be scripted (<see cref="Script"/>), the whole service can be down
/// (<see cref="Outage"/>). Give the host <see cref="Settings"/>.
/// </summary>
public sealed class FakeFcmServer : IAsyncDisposable
{
    public const string ProjectId = "chatapp-test";
    public const string ClientEmail = "push-sender@chatapp-test.iam.gserviceaccount.com";
    public const string PrivateKeyId = "0123456789abcdef0123456789abcdef01234567";
    private const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FcmReply>> _scripts = new();
    private readonly JsonWebTokenHandler _jwt = new();
    private WebApplication? _app;
    private int _grants;

    private FakeFcmServer()
    {
    }

    /// <summary>The address to give as <c>Notifications:Fcm:BaseAddress</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The service account key file (JSON) with this stand-in's key and token_uri.</summary>
    public string ServiceAccountJson => ServiceAccountJsonWith(_key);

    /// <summary>The configuration a host needs to push through this stand-in.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Notifications:Fcm:ServiceAccountJson"] = ServiceAccountJson,
        ["Notifications:Fcm:BaseAddress"] = BaseAddress.ToString(),
    };

    /// <summary>The same, as environment variables for a host process.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => Settings.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);

    /// <summary>How long issued access tokens live (<c>expires_in</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>While true every send answers 503 UNAVAILABLE (the token endpoint keeps working, as it is another service).</summary>
    public bool Outage { get; set; }

    /// <summary>Runs before a message to the token is accepted (its 200 waits for it): something happening mid-send.</summary>
    public ConcurrentDictionary<string, Func<Task>> BeforeAccepting { get; } = new();

    /// <summary>False: every access token is refused (401), as when the service account lost its permission.</summary>
    public bool AcceptAccessTokens { get; set; } = true;

    /// <summary>Access tokens issued so far.</summary>
    public int GrantsIssued => Volatile.Read(ref _grants);

    /// <summary>Grants refused, with why.</summary>
    public StandInRecord<string> RefusedGrants { get; } = new();

    /// <summary>Sends answered 200.</summary>
    public StandInRecord<FcmRequest> Accepted { get; } = new();

    /// <summary>Sends answered otherwise, with the reason.</summary>
    public StandInRecord<FcmRequest> Rejected { get; } = new();

    public static async Task<FakeFcmServer> StartAsync()
    {
        var server = new FakeFcmServer();
        (server._app, server.BaseAddress) = await StandInServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>A service account key file of the same account but another key (one the token endpoint does not know).</summary>
    public string ServiceAccountJsonWithAnotherKey()
    {
        using var other = RSA.Create(2048);
        return ServiceAccountJsonWith(other);
    }

    /// <summary>The next sends to <paramref name="token"/> get these answers, in order; after them 200 again.</summary>
    public void Script(string token, params FcmReply[] replies)
    {
        var queue = _scripts.GetOrAdd(token, _ => new ConcurrentQueue<FcmReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>Every access token issued so far is refused from now on (401), as after a key rotation.</summary>
    public void RevokeAccessTokens() => _accessTokens.Clear();

    /// <summary>Waits for <paramref name="count"/> accepted sends to <paramref name="token"/>.</summary>
    public Task<IReadOnlyList<FcmRequest>> WaitForAcceptedAsync(string token, int count, TimeSpan? timeout = null) =>
        Accepted.WaitForAsync(r => r.Token == token, count, timeout, $"accepted FCM sends to {token}");

    /// <summary>The body of an FCM error answer.</summary>
    public static JsonObject Error(int code, string status, string message, string? errorCode = null, string? violatedField = null, string? violation = null)
    {
        var details = new JsonArray();
        if (errorCode is not null)
        {
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = errorCode });
        }

        if (violatedField is not null)
        {
            details.Add(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = violatedField, ["description"] = violation ?? message }),
            });
        }

        return new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status, ["details"] = details } };
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _key.Dispose();
    }

    private string ServiceAccountJsonWith(RSA key) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = ProjectId,
        ["private_key_id"] = PrivateKeyId,
        ["private_key"] = key.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = ClientEmail,
        ["client_id"] = "100000000000000000001",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = new Uri(BaseAddress, "/token").ToString(),
    }.ToJsonString();

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (HttpMethods.IsPost(context.Request.Method) && path == "/token")
        {
            return GrantAsync(context);
        }

        if (HttpMethods.IsPost(context.Request.Method) && path == $"/v1/projects/{ProjectId}/messages:send")
        {
            return SendAsync(context);
        }

        return Answer(context, 404, Error(404, "NOT_FOUND", $"Requested entity was not found ({context.Request.Method} {path})."));
    }

    private async Task GrantAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var refusal = form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer"
            ? ("unsupported_grant_type", "Invalid grant_type: " + form["grant_type"])
            : await CheckAssertionAsync(form["assertion"].ToString());
        if (refusal is { } refused)
        {
            RefusedGrants.Add(refused.Description);
            await Answer(context, 400, new JsonObject { ["error"] = refused.Error, ["error_description"] = refused.Description });
            return;
        }

        var accessToken = "ya29.test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _accessTokens[accessToken] = DateTimeOffset.UtcNow + AccessTokenLifetime;
        Interlocked.Increment(ref _grants);
        await Answer(context, 200, new JsonObject
        {
            ["access_token"] = accessToken,
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
        });
    }

    private async Task<(string Error, string Description)?> CheckAssertionAsync(string assertion)
    {
        if (!_jwt.CanReadToken(assertion))
        {
            return ("invalid_grant", "Invalid JWT: not a JWT.");
        }

        var jwt = _jwt.ReadJsonWebToken(assertion);
        if (jwt.Alg != SecurityAlgorithms.RsaSha256 || jwt.Kid != PrivateKeyId)
        {
            return ("invalid_grant", $"Invalid JWT Signature (alg {jwt.Alg}, kid {jwt.Kid}).");
        }

        var result = await _jwt.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_key.ExportParameters(false)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidIssuer = ClientEmail,
            ValidAudience = new Uri(BaseAddress, "/token").ToString(),
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid)
        {
            return ("invalid_grant", "Invalid JWT: " + result.Exception?.GetType().Name + ": " + result.Exception?.Message);
        }

        if (!jwt.TryGetPayloadValue<string>("scope", out var scope) || !scope.Split(' ').Contains(Scope))
        {
            return ("invalid_scope", "Invalid OAuth scope or ID token audience provided: " + scope);
        }

        if (!jwt.TryGetPayloadValue<long>("iat", out var iat) || !jwt.TryGetPayloadValue<long>("exp", out var exp))
        {
            return ("invalid_grant", "Invalid JWT: iat and exp are required.");
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (exp - iat > 3600 || iat > now + 30)
        {
            return ("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.");
        }

        return null;
    }

    private async Task SendAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        string? token = null;
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            await Refuse(null, 400, Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. " + exception.Message, violatedField: ""), "not JSON");
            return;
        }

        var message = body?["message"] as JsonObject;
        token = message?["token"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;

        if (Outage)
        {
            await Refuse(message, 503, Error(503, "UNAVAILABLE", "The service is currently unavailable.", "UNAVAILABLE"), "outage");
            return;
        }

        var authorization = headers.GetValueOrDefault("authorization") ?? "";
        if (!AcceptAccessTokens
            || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            || !_accessTokens.TryGetValue(authorization["Bearer ".Length..], out var expires)
            || expires <= DateTimeOffset.UtcNow)
        {
            await Refuse(message, 401, Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token."), "no valid access token");
            return;
        }

        if (FcmMessageSchema.Check(body) is { } violation)
        {
            await Refuse(message, 400, Error(400, "INVALID_ARGUMENT", violation.Description, violatedField: violation.Field), "schema: " + violation.Description);
            return;
        }

        if (token is not null && _scripts.TryGetValue(token, out var script) && script.TryDequeue(out var reply) && reply.Status != 200)
        {
            if (reply.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = reply.RetryAfter;
            }

            var errorBody = Error(reply.Status, reply.GoogleStatus ?? "UNKNOWN", $"Scripted {reply.ErrorCode ?? reply.GoogleStatus}.", reply.ErrorCode, reply.ViolatedField);
            await Refuse(message, reply.Status, errorBody, $"scripted {reply.Status} {reply.ErrorCode ?? reply.ViolatedField}");
            return;
        }

        if (token is not null && BeforeAccepting.TryRemove(token, out var before))
        {
            await before();
        }

        Accepted.Add(new FcmRequest(token, headers, message, 200, null));
        await Answer(context, 200, new JsonObject { ["name"] = $"projects/{ProjectId}/messages/{Guid.NewGuid():N}" });

        Task Refuse(JsonObject? received, int status, JsonObject answer, string reason)
        {
            Rejected.Add(new FcmRequest(token, headers, received, status, reason));
            return Answer(context, status, answer);
        }
    }

    private static Task Answer(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
