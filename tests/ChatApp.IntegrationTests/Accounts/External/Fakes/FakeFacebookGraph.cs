using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Notifications.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatApp.IntegrationTests.Accounts.External.Fakes;

/// <summary>
/// A stand-in for the Facebook Graph API on loopback, checking what it checks: <c>GET /{version}/debug_token</c> needs
/// the app token <c>{app id}|{secret}</c> (else a top-level error 190) and reports on the input token inside
/// <c>data</c> (valid, expired 190/463, unknown 190/467, another app's); <c>GET /{version}/me</c> needs a valid user
/// token (else 190) and its <c>appsecret_proof</c> (else code 100). Faults (<see cref="Fault"/>): error code 2 or 4,
/// HTTP 500, or an answer slower than any client waits.
/// </summary>
public sealed class FakeFacebookGraph : IAsyncDisposable
{
    public const string AppId = "1029384756";
    public const string AppSecret = "facebook-app-secret-for-tests";
    public const string OtherAppId = "5647382910";
    public const string Version = "v25.0";

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new();
    private WebApplication? _app;
    private int _requests;
    private int _debugBarrier;
    private TaskCompletionSource _debugGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeFacebookGraph()
    {
    }

    public enum Faults
    {
        None,
        Code2,
        Code4,
        Http500,
        Slow,
    }

    public enum Tampers
    {
        None,

        /// <summary>debug_token says the token is a page's, not a user's.</summary>
        PageToken,

        /// <summary>/me answers for another user than debug_token named.</summary>
        MeIsAnotherUser,

        /// <summary>debug_token says valid, but its expires_at has passed.</summary>
        ExpiresAtPassed,
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Faults Fault { get; set; }

    /// <summary>A lie in an otherwise good answer that a correct client refuses (each check of ours gets one).</summary>
    public Tampers Tamper { get; set; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Calls refused for a wrong app token or a wrong or missing <c>appsecret_proof</c> (a correct client makes none).</summary>
    public StandInRecord<string> Refused { get; } = new();

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Accounts:External:Facebook:AppId"] = AppId,
        ["Accounts:External:Facebook:AppSecret"] = AppSecret,
        ["Accounts:External:Facebook:GraphBaseUrl"] = BaseAddress.ToString(),
        ["Accounts:External:Facebook:GraphVersion"] = Version,
    };

    public static async Task<FakeFacebookGraph> StartAsync()
    {
        var server = new FakeFacebookGraph();
        (server._app, server.BaseAddress) = await StandInServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>A valid user access token of our app for this person.</summary>
    /// <param name="picture">The profile picture's URL; without it the person has Facebook's silhouette (is_silhouette).</param>
    public string IssueToken(string userId, string? name = "Facebook Person", string? email = null, Uri? picture = null) =>
        Issue(new IssuedToken(userId, name, email, AppId, Expired: false, picture));

    public string IssueExpiredToken(string userId) => Issue(new IssuedToken(userId, "Expired Person", null, AppId, Expired: true));

    public string IssueTokenOfOtherApp(string userId) => Issue(new IssuedToken(userId, "Other App Person", null, OtherAppId, Expired: false));

    public void Reset()
    {
        Fault = Faults.None;
        Tamper = Tampers.None;
        Volatile.Write(ref _debugBarrier, 0);
    }

    /// <summary>
    /// The next <paramref name="callers"/> <c>debug_token</c> calls wait for each other (at most a second), so that
    /// their sign-ins go on at the same moment.
    /// </summary>
    public void HoldDebugTokenCalls(int callers)
    {
        _debugGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _debugBarrier, callers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private string Issue(IssuedToken token)
    {
        var value = "EAA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tokens[value] = token;
        return value;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var query = context.Request.Query;
        switch (Fault)
        {
            case Faults.Slow:
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case Faults.Http500:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("<html>oops</html>");
                return;
            case Faults.Code2:
                await ErrorAsync(context, 2, null, "An unexpected error has occurred. Please retry your request later.", "OAuthException");
                return;
            case Faults.Code4:
                await ErrorAsync(context, 4, null, "(#4) Application request limit reached", "OAuthException");
                return;
        }

        if (context.Request.Method != "GET")
        {
            context.Response.StatusCode = 405;
            return;
        }

        if (context.Request.Path == $"/{Version}/debug_token")
        {
            if (Volatile.Read(ref _debugBarrier) > 0)
            {
                var gate = _debugGate;
                if (Interlocked.Decrement(ref _debugBarrier) == 0)
                {
                    gate.TrySetResult();
                }

                await Task.WhenAny(gate.Task, Task.Delay(TimeSpan.FromSeconds(1)));
            }

            if (query["access_token"] != $"{AppId}|{AppSecret}")
            {
                Refused.Add("debug_token with a wrong app token");
                await ErrorAsync(context, 190, null, "Invalid OAuth access token signature.", "OAuthException");
                return;
            }

            await context.Response.WriteAsJsonAsync(new JsonObject { ["data"] = DebugData(query["input_token"].ToString()) });
        }
        else if (context.Request.Path == $"/{Version}/me")
        {
            var token = query["access_token"].ToString();
            if (!_tokens.TryGetValue(token, out var issued) || issued.Expired)
            {
                await ErrorAsync(context, 190, issued is null ? 467 : 463, "Error validating access token.", "OAuthException");
                return;
            }

            var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(token)));
            if (query["appsecret_proof"] != proof)
            {
                Refused.Add("me without a correct appsecret_proof");
                await ErrorAsync(context, 100, null, "Invalid appsecret_proof provided in the API argument", "GraphMethodException");
                return;
            }

            var fields = query["fields"].ToString().Split(',');
            var me = new JsonObject { ["id"] = Tamper == Tampers.MeIsAnotherUser ? issued.UserId + "9" : issued.UserId };
            if (fields.Contains("name") && issued.Name is not null)
            {
                me["name"] = issued.Name;
            }

            if (fields.Contains("email") && issued.Email is not null)
            {
                me["email"] = issued.Email;
            }

            // "picture" alone is the 50 px square; field expansion "picture.width(512).height(512)" asks for a larger one.
            if (fields.FirstOrDefault(f => f == "picture" || f.StartsWith("picture.", StringComparison.Ordinal)) is { } pictureField)
            {
                var size = pictureField.Contains(".width(512)", StringComparison.Ordinal) ? 512 : 50;
                me["picture"] = new JsonObject
                {
                    ["data"] = new JsonObject
                    {
                        ["height"] = size,
                        ["is_silhouette"] = issued.Picture is null,
                        ["url"] = issued.Picture?.ToString() ?? $"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid={issued.UserId}&height={size}&width={size}",
                        ["width"] = size,
                    },
                };
            }

            await context.Response.WriteAsJsonAsync(me);
        }
        else
        {
            await ErrorAsync(context, 803, null, "(#803) Some of the aliases you requested do not exist", "OAuthException");
        }
    }

    private JsonObject DebugData(string inputToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!_tokens.TryGetValue(inputToken, out var issued))
        {
            return new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = 190, ["message"] = "Invalid OAuth access token.", ["subcode"] = 467 },
                ["is_valid"] = false,
                ["scopes"] = new JsonArray(),
            };
        }

        var data = new JsonObject
        {
            ["app_id"] = issued.AppId,
            ["type"] = Tamper == Tampers.PageToken ? "PAGE" : "USER",
            ["application"] = issued.AppId == AppId ? "ChatApp" : "Other App",
            ["data_access_expires_at"] = now + 7_776_000,
            ["expires_at"] = issued.Expired || Tamper == Tampers.ExpiresAtPassed ? now - 3600 : now + 5_184_000,
            ["is_valid"] = !issued.Expired,
            ["scopes"] = new JsonArray("public_profile", "email"),
            ["user_id"] = issued.UserId,
        };
        if (issued.Expired)
        {
            data["error"] = new JsonObject { ["code"] = 190, ["message"] = "Error validating access token: Session has expired.", ["subcode"] = 463 };
        }

        return data;
    }

    private static Task ErrorAsync(HttpContext context, int code, int? subcode, string message, string type)
    {
        context.Response.StatusCode = 400;
        var error = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code, ["fbtrace_id"] = "AbCdEf" };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = error });
    }

    private sealed record IssuedToken(string UserId, string? Name, string? Email, string AppId, bool Expired, Uri? Picture = null);
}
