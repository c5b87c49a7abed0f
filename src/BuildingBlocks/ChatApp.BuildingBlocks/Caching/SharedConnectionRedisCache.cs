using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// The Redis second level on the host's one <c>IConnectionMultiplexer</c>. <see cref="RedisCache"/> closes the
/// connection it was given when it is disposed; this wrapper is not disposable, so the container never disposes the
/// cache, and the connection stays the host's to close (SignalR's bus, Hangfire and presence share it).
/// </summary>
internal sealed class SharedConnectionRedisCache(RedisCache inner) : IBufferDistributedCache
{
    public byte[]? Get(string key) => inner.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        inner.SetAsync(key, value, options, token);

    public void Refresh(string key) => inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

    public void Remove(string key) => inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

    public bool TryGet(string key, IBufferWriter<byte> destination) => ((IBufferDistributedCache)inner).TryGet(key, destination);

    public ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        ((IBufferDistributedCache)inner).TryGetAsync(key, destination, token);

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) =>
        ((IBufferDistributedCache)inner).Set(key, value, options);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        ((IBufferDistributedCache)inner).SetAsync(key, value, options, token);
}
