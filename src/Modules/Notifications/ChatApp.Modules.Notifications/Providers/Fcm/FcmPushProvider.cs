using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Providers.Fcm;

/// <summary>
/// Android pushes through the FCM HTTP v1 API: <c>POST {BaseAddress}/v1/projects/{project_id}/messages:send</c> with a
/// service-account access token. A 401 renews the token and tries once more.
/// </summary>
internal sealed class FcmPushProvider : IPushProvider, IDisposable
{
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FcmPushProvider> _logger;
    private readonly FcmAccessTokens? _tokens;
    private readonly Uri? _sendAddress;

    public FcmPushProvider(IOptions<FcmOptions> options, IHttpClientFactory httpClients, TimeProvider timeProvider, ILogger<FcmPushProvider> logger)
    {
        _httpClients = httpClients;
        _timeProvider = timeProvider;
        _logger = logger;

        // A broken configuration fails at start (FcmOptionsValidator); here it is either usable or absent.
        if (options.Value.LoadServiceAccount() is { IsSuccess: true } account)
        {
            _tokens = new FcmAccessTokens(account.Value, httpClients, timeProvider, logger);
            var baseAddress = options.Value.BaseAddress.AbsoluteUri.TrimEnd('/');
            _sendAddress = new Uri($"{baseAddress}/v1/projects/{Uri.EscapeDataString(account.Value.ProjectId)}/messages:send");
            logger.LogInformation("Android pushes go through FCM, project {ProjectId}", account.Value.ProjectId);
        }
        else
        {
            logger.LogInformation("Android pushes are off: Notifications:Fcm:ServiceAccountJson or ServiceAccountFile is not set");
        }
    }

    public DevicePlatform Platform => DevicePlatform.Android;

    public bool IsEnabled => _tokens is not null;

    /// <summary>Access tokens granted so far (tests check that one is reused).</summary>
    public int TokensGranted => _tokens?.Granted ?? 0;

    public async Task<PushResult> SendAsync(PushTarget target, PushMessage message, CancellationToken cancellationToken)
    {
        if (_tokens is null || _sendAddress is null)
        {
            return PushResult.Rejected("fcm: Android pushes are off on this deployment");
        }

        if (FcmMessage.Build(target.Token, message) is not { } body)
        {
            _logger.LogError("An FCM push for room {RoomId} does not fit 4096 bytes even without its text", message.RoomId);
            return PushResult.Rejected("fcm: payload too large");
        }

        try
        {
            var result = await SendOnceAsync(body, cancellationToken);
            if (result.Unauthorized is { } rejectedToken)
            {
                _tokens.Invalidate(rejectedToken);
                result = await SendOnceAsync(body, cancellationToken);
            }

            if (result.Result.Outcome == PushOutcome.Rejected)
            {
                _logger.LogError("FCM rejected a push for room {RoomId}: {Reason}", message.RoomId, result.Result.Reason);
            }

            return result.Result;
        }
        catch (Exception exception) when (PushFailures.IsTransport(exception, cancellationToken))
        {
            return PushResult.RetryLater("fcm unreachable: " + exception.Message);
        }
    }

    public void Dispose() => _tokens?.Dispose();

    private async Task<Attempt> SendOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        var token = await _tokens!.GetAsync(cancellationToken);
        if (!token.IsSuccess)
        {
            return new Attempt(PushResult.RetryLater("fcm: " + token.Error.Message), null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _sendAddress) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        using var response = await _httpClients.CreateClient(PushHttpClients.Fcm).SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var result = FcmAnswer.Classify(response.StatusCode, answer, RetryAfter.From(response, _timeProvider.GetUtcNow()));
        return new Attempt(result, response.StatusCode == HttpStatusCode.Unauthorized ? token.Value : null);
    }

    /// <summary>One request's result; <see cref="Unauthorized"/> is the access token FCM refused (401), if it did.</summary>
    private sealed record Attempt(PushResult Result, string? Unauthorized);
}
