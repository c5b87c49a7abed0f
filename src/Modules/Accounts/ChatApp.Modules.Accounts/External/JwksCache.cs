using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// The signing keys that Apple and Google publish (JWKS), per URL, kept as long as the answer's Cache-Control max-age
/// says. A token signed with a key id the cached set lacks (a rotation) refetches the set at once, in the request, so
/// the first token of a new key passes; every fetch is single-flight (all requests that need the set share the one
/// fetch in flight), unknown-key refetches happen at most once per <see cref="ExternalSignInOptions.JwksMinRefetchInterval"/>,
/// so made-up key ids cannot make us hammer the provider, and a set is kept at least that long whatever its max-age
/// (less its Age). When the provider cannot be reached, a set fetched before keeps serving its keys; without one the
/// failure is remembered for <see cref="ExternalSignInOptions.JwksFailureRetryInterval"/> and answered (503) at once.
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
        Task<KeySet?> fetch;
        lock (entry)
        {
            var cached = entry.Keys;
            var now = timeProvider.GetUtcNow();
            var fresh = cached is not null && now < cached.ExpiresAt;
            if (fresh && cached!.Keys.TryGetValue(keyId, out var key))
            {
                return key;
            }

            if (entry.InFlight is null)
            {
                if (!fresh && now < entry.RetryAfter)
                {
                    // A fetch failed a moment ago: answer at once rather than make every request wait for the provider.
                    return cached is null ? ExternalSignInErrors.ProviderUnavailable : cached.Keys.GetValueOrDefault(keyId);
                }

                if (fresh)
                {
                    if (now - entry.LastUnknownKeyRefetch < options.Value.JwksMinRefetchInterval)
                    {
                        return (JsonWebKey?)null;
                    }

                    entry.LastUnknownKeyRefetch = now;
                }

                entry.InFlight = FetchAndStoreAsync(url, entry);
            }

            // Every request that needs the set waits for the one fetch in flight (each only as long as it may wait).
            fetch = entry.InFlight;
        }

        var fetched = await fetch.WaitAsync(cancellationToken);
        if (fetched is not null)
        {
            return fetched.Keys.GetValueOrDefault(keyId);
        }

        // Keep serving the keys we have; the provider is asked again after the throttle interval, not on every request.
        var kept = entry.Keys;
        return kept is null ? ExternalSignInErrors.ProviderUnavailable : kept.Keys.GetValueOrDefault(keyId);
    }

    /// <summary>The one fetch of a set in flight: not cancelled by any one waiter, bounded by the client's timeout.</summary>
    private async Task<KeySet?> FetchAndStoreAsync(Uri url, Entry entry)
    {
        // Never completes inside the caller's lock, so InFlight is cleared only after it was set.
        await Task.Yield();
        KeySet? fetched = null;
        try
        {
            fetched = await FetchAsync(url, CancellationToken.None);
        }
        finally
        {
            lock (entry)
            {
                var now = timeProvider.GetUtcNow();
                if (fetched is not null)
                {
                    entry.Keys = fetched;
                }
                else
                {
                    entry.RetryAfter = now + options.Value.JwksFailureRetryInterval;
                    if (entry.Keys is { } cached && cached.ExpiresAt < now + options.Value.JwksMinRefetchInterval)
                    {
                        entry.Keys = cached with { ExpiresAt = now + options.Value.JwksMinRefetchInterval };
                    }
                }

                entry.InFlight = null;
            }
        }

        return fetched;
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

            // max-age counts from when the answer was made; a cache on the way says how old it already is (Age). At least
            // the refetch interval, so that a provider sending max-age=0 is not asked on every sign-in; at most a day.
            var maxAge = response.Headers.CacheControl?.MaxAge ?? options.Value.JwksDefaultMaxAge;
            var remaining = maxAge - (response.Headers.Age ?? TimeSpan.Zero);
            var lifetime = remaining > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : remaining;
            if (lifetime < options.Value.JwksMinRefetchInterval)
            {
                lifetime = options.Value.JwksMinRefetchInterval;
            }

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
        public KeySet? Keys { get; set; }

        public Task<KeySet?>? InFlight { get; set; }

        /// <summary>Until then a failed fetch is not repeated (a cold cache answers 503 at once).</summary>
        public DateTimeOffset RetryAfter { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset LastUnknownKeyRefetch { get; set; } = DateTimeOffset.MinValue;
    }
}
