using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Notifications.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatApp.IntegrationTests.Accounts.External.Fakes;

/// <summary>
/// A stand-in for Kakao's user API on loopback: <c>GET /v1/user/access_token_info</c> and <c>GET /v2/user/me</c> with
/// a Bearer access token; unknown or expired tokens get HTTP 401 <c>{"code":-401}</c>. People have an e-mail that is
/// verified, unverified, or not shared (needs agreement). Faults (<see cref="Fault"/>): code -1 (internal error),
/// -9798 (service check), or an answer slower than any client waits.
/// </summary>
public sealed class FakeKakaoApi : IAsyncDisposable
{
    public const long AppId = 1_234_567;
    public const long OtherAppId = 7_654_321;

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new();
    private WebApplication? _app;
    private long _nextUserId = 3_000_000_001;

    private FakeKakaoApi()
    {
    }

    public enum Faults
    {
        None,
        InternalError,
        ServiceCheck,
        Slow,
        QuotaExceeded,
        Maintenance,
        TooManyRequests,
        AppConfig,
        AppPermission,
        AppSuspended,
    }

    public enum EmailState
    {
        Verified,
        Unverified,
        NeedsAgreement,
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Faults Fault { get; set; }

    /// <summary>True: <c>/v2/user/me</c> answers with another user's id than <c>access_token_info</c> (a correct client refuses).</summary>
    public bool MeIsAnotherUser { get; set; }

    /// <summary>
    /// <c>/v2/user/me</c> calls so far, by whether they asked for https image URLs (<c>secure_resource=true</c>); without
    /// it Kakao answers <c>http://</c> image URLs, as this stand-in does too.
    /// </summary>
    public StandInRecord<bool> UserCallsSecure { get; } = new();

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Accounts:External:Kakao:AppId"] = AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Accounts:External:Kakao:ApiBaseUrl"] = BaseAddress.ToString(),
    };

    public static async Task<FakeKakaoApi> StartAsync()
    {
        var server = new FakeKakaoApi();
        (server._app, server.BaseAddress) = await StandInServer.StartAsync(server.HandleAsync);
        return server;
    }

    public long NewUserId() => Interlocked.Increment(ref _nextUserId);

    /// <param name="picture">The profile image's URL; without it Kakao's default image (is_default_image).</param>
    public string IssueToken(long userId, string nickname = "카카오 친구", string? email = null, EmailState emailState = EmailState.Verified, Uri? picture = null) =>
        Issue(new IssuedToken(userId, nickname, email, emailState, AppId, Expired: false, picture));

    public string IssueExpiredToken(long userId) => Issue(new IssuedToken(userId, "Expired", null, EmailState.NeedsAgreement, AppId, Expired: true));

    public string IssueTokenOfOtherApp(long userId) => Issue(new IssuedToken(userId, "Other", null, EmailState.NeedsAgreement, OtherAppId, Expired: false));

    public void Reset()
    {
        Fault = Faults.None;
        MeIsAnotherUser = false;
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
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
        _tokens[value] = token;
        return value;
    }

    private async Task HandleAsync(HttpContext context)
    {
        switch (Fault)
        {
            case Faults.Slow:
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case Faults.InternalError:
                await ErrorAsync(context, 400, -1, "internal error");
                return;
            case Faults.ServiceCheck:
                await ErrorAsync(context, 400, -9798, "service check");
                return;
            case Faults.QuotaExceeded:
                await ErrorAsync(context, 400, -10, "exceeded the allowed quota");
                return;
            case Faults.Maintenance:
                await ErrorAsync(context, 400, -11, "under maintenance");
                return;
            case Faults.TooManyRequests:
                await ErrorAsync(context, 429, -10, "too many requests");
                return;
            case Faults.AppConfig:
                await ErrorAsync(context, 400, -3, "the app is not configured for this API");
                return;
            case Faults.AppPermission:
                await ErrorAsync(context, 403, -5, "the app lacks permission");
                return;
            case Faults.AppSuspended:
                await ErrorAsync(context, 400, -12, "the app is restricted");
                return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.TryGetValue(header["Bearer ".Length..], out var issued))
        {
            await ErrorAsync(context, 401, -401, "this access token does not exist");
            return;
        }

        if (issued.Expired)
        {
            await ErrorAsync(context, 401, -401, "this access token is already expired");
            return;
        }

        if (context.Request.Path == "/v1/user/access_token_info")
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = issued.UserId, ["expires_in"] = 7199, ["app_id"] = issued.AppId });
        }
        else if (context.Request.Path == "/v2/user/me")
        {
            var secure = context.Request.Query["secure_resource"] == "true";
            UserCallsSecure.Add(secure);
            string Image(string url) => secure ? url : url.Replace("https://", "http://", StringComparison.Ordinal);
            var account = new JsonObject
            {
                ["profile_nickname_needs_agreement"] = false,
                ["profile"] = new JsonObject
                {
                    ["nickname"] = issued.Nickname,
                    ["thumbnail_image_url"] = Image("https://k.kakaocdn.net/dn/default/img_110x110.jpg"),
                    ["profile_image_url"] = Image(issued.Picture?.ToString() ?? "https://k.kakaocdn.net/dn/default/img_640x640.jpg"),
                    ["is_default_image"] = issued.Picture is null,
                },
                ["has_email"] = issued.Email is not null,
                ["email_needs_agreement"] = issued.EmailState == EmailState.NeedsAgreement,
            };
            if (issued.Email is not null && issued.EmailState != EmailState.NeedsAgreement)
            {
                account["is_email_valid"] = true;
                account["is_email_verified"] = issued.EmailState == EmailState.Verified;
                account["email"] = issued.Email;
            }

            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = MeIsAnotherUser ? issued.UserId + 1 : issued.UserId,
                ["connected_at"] = "2026-11-30T12:00:00Z",
                ["properties"] = new JsonObject { ["nickname"] = issued.Nickname },
                ["kakao_account"] = account,
            });
        }
        else
        {
            await ErrorAsync(context, 404, -2, "not found");
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["msg"] = message, ["code"] = code });
    }

    private sealed record IssuedToken(long UserId, string Nickname, string? Email, EmailState EmailState, long AppId, bool Expired, Uri? Picture = null);
}
