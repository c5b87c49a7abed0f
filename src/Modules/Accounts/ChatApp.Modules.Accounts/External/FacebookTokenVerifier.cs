using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Verifies a Facebook user access token with the Graph API: <c>debug_token</c> with our app token must say it is
/// valid, a USER token, of our app and not expired; then <c>/me</c> (with <c>appsecret_proof</c>) must be the same
/// user. Error code 190 on the user's token is a refusal (401); the provider's own faults (codes 1, 2, 4, 17, 341,
/// 5xx, timeouts) and a refused app token (our configuration) are 503. Facebook does not say whether an e-mail is
/// verified, so the identity never carries one.
/// </summary>
internal sealed partial class FacebookTokenVerifier(IHttpClientFactory httpClients, IOptions<ExternalSignInOptions> options, TimeProvider timeProvider, ILogger<FacebookTokenVerifier> logger)
{
    public const string HttpClientName = "accounts-facebook";

    private static readonly int[] ProviderFaultCodes = [1, 2, 4, 17, 32, 341, 613];

    public async Task<Result<ExternalIdentity>> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        var facebook = options.Value.Facebook;
        var client = httpClients.CreateClient(HttpClientName);
        var graph = new Uri(facebook.GraphBaseUrl, facebook.GraphVersion.Trim('/') + "/");

        var debug = await ProviderCall.GetJsonAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri(graph,
            $"debug_token?input_token={Uri.EscapeDataString(token)}&access_token={Uri.EscapeDataString(facebook.AppId + "|" + facebook.AppSecret)}")), cancellationToken);
        if (Fault(debug, "debug_token", appTokenCall: true) is { } debugError)
        {
            return debugError;
        }

        var data = debug!.Value.Body.Object("data");
        var expiresAt = data.Int64("expires_at") ?? 0;
        var userId = data.String("user_id");
        if (!data.Bool("is_valid") || data.String("app_id") != facebook.AppId || data.String("type") != "USER"
            || (expiresAt != 0 && expiresAt <= timeProvider.GetUtcNow().ToUnixTimeSeconds()) || string.IsNullOrEmpty(userId))
        {
            LogRefused(logger, $"debug_token: valid {data.Bool("is_valid")}, app {data.String("app_id")}, type {data.String("type")}, error {data.Object("error").Int64("code")}/{data.Object("error").Int64("subcode")}");
            return ExternalSignInErrors.TokenInvalid;
        }

        var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(facebook.AppSecret!), Encoding.UTF8.GetBytes(token)));
        var me = await ProviderCall.GetJsonAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri(graph,
            $"me?fields=id,name,picture.width(512).height(512)&access_token={Uri.EscapeDataString(token)}&appsecret_proof={proof}")), cancellationToken);
        if (Fault(me, "me", appTokenCall: false) is { } meError)
        {
            return meError;
        }

        var profile = me!.Value.Body;
        if (profile.String("id") != userId)
        {
            LogRefused(logger, "/me is another user than debug_token said");
            return ExternalSignInErrors.TokenInvalid;
        }

        var picture = profile.Object("picture").Object("data");
        return new ExternalIdentity(ExternalProviders.Facebook, userId, null, profile.String("name"),
            picture.Bool("is_silhouette") ? null : ProviderCall.WebUrl(picture.String("url")));
    }

    /// <summary>What a failed call means: null when the answer is a 200 without a Graph error.</summary>
    private Error? Fault((HttpStatusCode Status, JsonElement Body)? answer, string call, bool appTokenCall)
    {
        if (answer is not { } reply || (int)reply.Status >= 500)
        {
            LogUnavailable(logger, call, answer is null ? "no answer" : $"HTTP {(int)answer.Value.Status}");
            return ExternalSignInErrors.ProviderUnavailable;
        }

        var error = reply.Body.Object("error");
        if (error.ValueKind != JsonValueKind.Object)
        {
            return reply.Status == HttpStatusCode.OK ? null : ExternalSignInErrors.TokenInvalid;
        }

        var code = error.Int64("code") ?? 0;
        var detail = string.Create(CultureInfo.InvariantCulture, $"code {code}, subcode {error.Int64("error_subcode")}: {error.String("message")}");
        if (ProviderFaultCodes.Contains((int)code))
        {
            LogUnavailable(logger, call, detail);
            return ExternalSignInErrors.ProviderUnavailable;
        }

        if (appTokenCall && code == 190)
        {
            // debug_token reports problems with the inspected token inside "data"; a top-level 190 is about our app token.
            LogAppTokenRefused(logger, detail);
            return ExternalSignInErrors.ProviderUnavailable;
        }

        LogRefused(logger, $"{call}: {detail}");
        return ExternalSignInErrors.TokenInvalid;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a Facebook token: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Facebook {Call} failed: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string call, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Facebook refused our app token (check Accounts:External:Facebook:AppId and AppSecret): {Reason}")]
    private static partial void LogAppTokenRefused(ILogger logger, string reason);
}
