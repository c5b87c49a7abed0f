using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.BuildingBlocks.Caching;

public static class QueryCacheServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="QueryCache"/> over <c>HybridCache</c>: with <c>ConnectionStrings:Redis</c> set, Redis (the host's
    /// <see cref="IConnectionMultiplexer"/>, registered by the host) is the second level and holds the tags'
    /// generations; otherwise (the embedded default) the cache is this process's memory only.
    /// </summary>
    public static IServiceCollection AddQueryCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueryCacheOptions>().Bind(configuration.GetSection(QueryCacheOptions.Section))
            .Validate(o => o.Expiration > TimeSpan.Zero && o.LocalExpiration > TimeSpan.Zero && o.LocalExpiration <= o.Expiration,
                "QueryCache:Expiration and QueryCache:LocalExpiration must be positive, the local one no longer.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RedisPrefix), "QueryCache:RedisPrefix must not be empty.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<QueryCacheMetrics>();
        services.AddHybridCache(options =>
        {
            // Entries are small records; a larger one is a mistake worth seeing as a miss rather than memory.
            options.MaximumPayloadBytes = 256 * 1024;
            options.DefaultEntryOptions = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(1) };
        });
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<ICacheGenerations, InMemoryCacheGenerations>();
        }
        else
        {
            services.AddSingleton<ICacheGenerations, RedisCacheGenerations>();
            services.AddSingleton<IDistributedCache>(provider =>
            {
                var redis = provider.GetRequiredService<IConnectionMultiplexer>();
                return new SharedConnectionRedisCache(new RedisCache(Options.Create(new RedisCacheOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult(redis),
                    InstanceName = provider.GetRequiredService<IOptions<QueryCacheOptions>>().Value.RedisPrefix,
                })));
            });
        }

        services.AddSingleton(provider => new QueryCache(
            provider.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            provider.GetRequiredService<ICacheGenerations>(),
            provider.GetRequiredService<QueryCacheMetrics>(),
            provider.GetRequiredService<IOptions<QueryCacheOptions>>(),
            provider.GetRequiredService<ILogger<QueryCache>>()));
        return services;
    }
}
