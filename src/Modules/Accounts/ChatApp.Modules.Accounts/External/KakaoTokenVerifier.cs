using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Verifies a Kakao access token: <c>/v1/user/access_token_info</c> (Bearer) must name our numeric app id, then
/// <c>/v2/user/me</c> must be the same user. The e-mail counts only when Kakao says it is valid and verified. Code
/// -401 (and HTTP 401) is a refusal; -1, -7, -10, -11, -603, -9798, HTTP 429, 5xx and timeouts mean Kakao is unavailable
/// (503); -3, -5 and -12 are about our app (its configuration, permissions or a suspension): 503 and an Error log.
/// </summary>
internal sealed partial class KakaoTokenVerifier(IHttpClientFactory httpClients, IOptions<ExternalSignInOptions> options, ILogger<KakaoTokenVerifier> logger)
{
    public const string HttpClientName = "accounts-kakao";

    private static readonly long[] ProviderFaultCodes = [-1, -7, -10, -11, -603, -9798];

    /// <summary>Kakao refuses our app, not the person's token: the operator must act.</summary>
    private static readonly long[] AppFaultCodes = [-3, -5, -12];

    public async Task<Result<ExternalIdentity>> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        var kakao = options.Value.Kakao;
        var client = httpClients.CreateClient(HttpClientName);

        var info = await ProviderCall.GetJsonAsync(client, Request(new Uri(kakao.ApiBaseUrl, "v1/user/access_token_info"), token), cancellationToken);
        if (Fault(info, "access_token_info") is { } infoError)
        {
            return infoError;
        }

        var userId = info!.Value.Body.Int64("id");
        if (info.Value.Body.Int64("app_id") != kakao.AppId || userId is null)
        {
            LogRefused(logger, $"token of app {info.Value.Body.Int64("app_id")}");
            return ExternalSignInErrors.TokenInvalid;
        }

        // secure_resource=true: image URLs in https (Kakao answers http ones without it, which no picture origin allows).
        var me = await ProviderCall.GetJsonAsync(client, Request(new Uri(kakao.ApiBaseUrl, "v2/user/me?secure_resource=true"), token), cancellationToken);
        if (Fault(me, "user/me") is { } meError)
        {
            return meError;
        }

        var user = me!.Value.Body;
        if (user.Int64("id") != userId)
        {
            LogRefused(logger, "user/me is another user than access_token_info said");
            return ExternalSignInErrors.TokenInvalid;
        }

        var account = user.Object("kakao_account");
        var profile = account.Object("profile");
        var email = account.Bool("is_email_valid") && account.Bool("is_email_verified") ? account.String("email") : null;
        var picture = profile.Bool("is_default_image") ? null : ProviderCall.WebUrl(profile.String("profile_image_url"));
        return new ExternalIdentity(ExternalProviders.Kakao, userId.Value.ToString(CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(email) ? null : email, profile.String("nickname") ?? user.Object("properties").String("nickname"), picture);
    }

    private static HttpRequestMessage Request(Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private Error? Fault((HttpStatusCode Status, JsonElement Body)? answer, string call)
    {
        if (answer is not { } reply || (int)reply.Status >= 500)
        {
            LogUnavailable(logger, call, answer is null ? "no answer" : $"HTTP {(int)answer.Value.Status}");
            return ExternalSignInErrors.ProviderUnavailable;
        }

        if (reply.Status == HttpStatusCode.OK)
        {
            return null;
        }

        var code = reply.Body.Int64("code");
        var detail = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)reply.Status}, code {code}: {reply.Body.String("msg")}");
        if (reply.Status == HttpStatusCode.TooManyRequests || (code is { } c && ProviderFaultCodes.Contains(c)))
        {
            LogUnavailable(logger, call, detail);
            return ExternalSignInErrors.ProviderUnavailable;
        }

        if (code is { } appCode && AppFaultCodes.Contains(appCode))
        {
            LogAppRefused(logger, call, detail);
            return ExternalSignInErrors.ProviderUnavailable;
        }

        LogRefused(logger, $"{call}: {detail}");
        return ExternalSignInErrors.TokenInvalid;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Kakao token: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kakao {Call} refused our app (check Accounts:External:Kakao:AppId and the app's settings on Kakao Developers): {Reason}")]
    private static partial void LogAppRefused(ILogger logger, string call, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kakao {Call} failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string call, string reason);
}
