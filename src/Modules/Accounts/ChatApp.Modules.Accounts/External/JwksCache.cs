using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// The signing keys that Apple and Google publish (JWKS), per URL, kept as long as the answer's Cache-Control max-age
/// says. A token signed with a key id the cached set lacks (a rotation) refetches the set at once, in the request, so
/// the first token of a new key passes; such refetches are single-flight (concurrent requests wait for one fetch) and
/// happen at most once per <see cref="ExternalSignInOptions.JwksMinRefetchInterval"/>, so made-up key ids cannot make
/// us hammer the provider. When the provider cannot be reached, a set fetched before keeps serving its keys.
/// <para>
/// Microsoft's <c>ConfigurationManager</c> refetches in the background (the first token of a new key fails) and
/// Google.Apis.Auth caches statically without key ids (ADR 0022).
/// </para>
/// </summary>
internal sealed partial class JwksCache(IHttpClientFactory httpClients, IOptions<ExternalSignInOptions> options, TimeProvider timeProvider, ILogger<JwksCache> logger)
{
    public const string HttpClientName = "accounts-jwks";

    private readonly ConcurrentDictionary<Uri, Entry> _entries = new();

    /// <summary>
    /// The key with this id from the set at <paramref name="url"/>; <c>null</c> when the provider does not publish it
    /// (after the refetch it was allowed); <see cref="ExternalSignInErrors.ProviderUnavailable"/> when no set could be had.
    /// </summary>
    public async Task<Result<JsonWebKey?>> FindKeyAsync(Uri url, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(url, _ => new Entry());
        var cached = entry.Keys;
        if (cached is not null && timeProvider.GetUtcNow() < cached.ExpiresAt && cached.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refetched while this one waited.
            cached = entry.Keys;
            var now = timeProvider.GetUtcNow();
            var fresh = cached is not null && now < cached.ExpiresAt;
            if (fresh && cached!.Keys.TryGetValue(keyId, out key))
            {
                return key;
            }

            if (fresh)
            {
                if (now - entry.LastUnknownKeyRefetch < options.Value.JwksMinRefetchInterval)
                {
                    return (JsonWebKey?)null;
                }

                entry.LastUnknownKeyRefetch = now;
            }

            var fetched = await FetchAsync(url, cancellationToken);
            if (fetched is null)
            {
                if (cached is null)
                {
                    return ExternalSignInErrors.ProviderUnavailable;
                }

                // Keep serving the keys we have; try the provider again after the throttle interval, not on every request.
                entry.Keys = cached with { ExpiresAt = now + options.Value.JwksMinRefetchInterval };
                return cached.Keys.GetValueOrDefault(keyId);
            }

            entry.Keys = fetched;
            return fetched.Keys.GetValueOrDefault(keyId);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<KeySet?> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogFetchFailed(logger, url, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var set = new JsonWebKeySet(await response.Content.ReadAsStringAsync(cancellationToken));
            var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
            foreach (var key in set.Keys)
            {
                if (key.Kty == JsonWebAlgorithmsKeyTypes.RSA && !string.IsNullOrEmpty(key.Kid) && key.Use is null or "sig")
                {
                    keys[key.Kid] = key;
                }
            }

            var maxAge = response.Headers.CacheControl?.MaxAge ?? options.Value.JwksDefaultMaxAge;
            var lifetime = TimeSpan.FromSeconds(Math.Clamp(maxAge.TotalSeconds, 1, TimeSpan.FromDays(1).TotalSeconds));
            LogFetched(logger, url, keys.Count, lifetime);
            return new KeySet(keys, timeProvider.GetUtcNow() + lifetime);
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or JsonException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFetchFailed(logger, url, ex.GetType().Name + ": " + ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched the signing keys at {Url}: {Count} keys, kept for {Lifetime}")]
    private static partial void LogFetched(ILogger logger, Uri url, int count, TimeSpan lifetime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the signing keys at {Url}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, Uri url, string reason);

    private sealed record KeySet(IReadOnlyDictionary<string, JsonWebKey> Keys, DateTimeOffset ExpiresAt);

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public KeySet? Keys { get; set; }

        public DateTimeOffset LastUnknownKeyRefetch { get; set; } = DateTimeOffset.MinValue;
    }
}
