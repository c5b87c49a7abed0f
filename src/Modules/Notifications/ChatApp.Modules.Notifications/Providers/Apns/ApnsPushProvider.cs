using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Providers.Apns;

/// <summary>
/// iOS pushes through APNs: <c>POST /3/device/{token}</c> over HTTP/2 with a provider token. The topic is the device's
/// app id (bundle id) as it registered, else <c>Notifications:Apns:Topic</c>. A 403 about the provider token renews it
/// and tries once more.
/// </summary>
internal sealed class ApnsPushProvider : IPushProvider, IDisposable
{
    public static readonly TimeSpan Expiration = TimeSpan.FromDays(1);

    private static readonly TimeSpan ProviderTokenRetry = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ApnsPushProvider> _logger;
    private readonly ApnsProviderToken? _token;
    private readonly Uri _baseAddress;
    private readonly string? _topic;

    public ApnsPushProvider(IOptions<ApnsOptions> options, IHttpClientFactory httpClients, TimeProvider timeProvider, ILogger<ApnsPushProvider> logger)
    {
        var settings = options.Value;
        _httpClients = httpClients;
        _timeProvider = timeProvider;
        _logger = logger;
        _baseAddress = settings.ServiceAddress;
        _topic = string.IsNullOrWhiteSpace(settings.Topic) ? null : settings.Topic;

        // A half or broken configuration fails at start (ApnsOptionsValidator); here it is either complete or absent.
        if (settings.LoadKey() is { IsSuccess: true } key && settings.KeyId is { Length: > 0 } keyId && settings.TeamId is { Length: > 0 } teamId)
        {
            _token = new ApnsProviderToken(key.Value, keyId, teamId, timeProvider);
            logger.LogInformation("iOS pushes go through APNs at {Address}, team {TeamId}", _baseAddress, teamId);
        }
        else
        {
            logger.LogInformation("iOS pushes are off: Notifications:Apns:KeyP8 (or KeyFile), KeyId and TeamId are not set");
        }
    }

    public DevicePlatform Platform => DevicePlatform.Ios;

    public bool IsEnabled => _token is not null;

    /// <summary>Provider tokens made so far (tests check that one is reused).</summary>
    public int TokensIssued => _token?.Issued ?? 0;

    public async Task<PushResult> SendAsync(PushTarget target, PushMessage message, CancellationToken cancellationToken)
    {
        if (_token is null)
        {
            return PushResult.Rejected("apns: iOS pushes are off on this deployment");
        }

        var topic = string.IsNullOrWhiteSpace(target.AppId) ? _topic : target.AppId;
        if (topic is null)
        {
            _logger.LogError("An iOS device has no app id and Notifications:Apns:Topic is not set: no push to it");
            return PushResult.Rejected("apns: no topic (device app id or Notifications:Apns:Topic)");
        }

        if (ApnsPayload.Build(message) is not { } payload)
        {
            _logger.LogError("An APNs push for room {RoomId} does not fit 4096 bytes even without its text", message.RoomId);
            return PushResult.Rejected("apns: payload too large");
        }

        try
        {
            var providerToken = _token.Current();
            var (status, body, retryAfter) = await SendOnceAsync(target.Token, topic, message, payload, providerToken, cancellationToken);
            if (ApnsAnswer.IsProviderTokenRejection(status, body) && _token.Renew(providerToken) is { } renewed)
            {
                (status, body, retryAfter) = await SendOnceAsync(target.Token, topic, message, payload, renewed, cancellationToken);
            }

            if (ApnsAnswer.IsProviderTokenRejection(status, body))
            {
                // Renewing did not help (or was done less than 20 minutes ago): the key, key id or team id is wrong.
                _logger.LogError("APNs refuses the provider token ({Body}); check Notifications:Apns:KeyP8/KeyId/TeamId. Pushes to iOS wait", body);
                return PushResult.RetryLater("apns 403 provider token", retryAfter ?? ProviderTokenRetry);
            }

            var result = ApnsAnswer.Classify(status, body, retryAfter);
            if (result.Outcome == PushOutcome.Rejected)
            {
                _logger.LogError("APNs rejected a push for room {RoomId}: {Reason}", message.RoomId, result.Reason);
            }

            return result;
        }
        catch (Exception exception) when (PushFailures.IsTransport(exception, cancellationToken))
        {
            return PushResult.RetryLater("apns unreachable: " + exception.Message);
        }
    }

    public void Dispose() => _token?.Dispose();

    private async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> SendOnceAsync(
        string deviceToken, string topic, PushMessage message, byte[] payload, string providerToken, CancellationToken cancellationToken)
    {
        var alert = message.Kind == PushKind.Alert;
        var now = _timeProvider.GetUtcNow();

        // DefaultRequestVersion does not apply to a message made here: without these two, .NET tries HTTP/1.1 and APNs
        // (HTTP/2 only) ends the connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress, "/3/device/" + Uri.EscapeDataString(deviceToken)))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", providerToken);
        request.Headers.Add("apns-topic", topic);
        request.Headers.Add("apns-push-type", alert ? "alert" : "background");
        request.Headers.Add("apns-priority", alert ? "10" : "5");
        request.Headers.Add("apns-expiration", (now + Expiration).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (alert)
        {
            request.Headers.Add("apns-collapse-id", message.RoomId.ToString("N"));
        }

        using var response = await _httpClients.CreateClient(PushHttpClients.Apns).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, body, RetryAfter.From(response, now));
    }
}
