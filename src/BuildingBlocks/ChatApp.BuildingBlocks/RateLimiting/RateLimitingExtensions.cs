using System.Threading.RateLimiting;
using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// The abuse limits (ADR 0017): ASP.NET Core's rate limiter with one policy per <see cref="RateLimitPolicies"/> name,
/// counting in Redis when it is configured (every instance shares the counts) and in memory otherwise.
/// </summary>
public static class RateLimitingExtensions
{
    /// <summary>The <c>code</c> of the problem a refused request gets (429 with <c>Retry-After</c>).</summary>
    public const string RateLimitedCode = "rate_limited";

    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RateLimitsOptions();
        options.Bind(configuration.GetSection(RateLimitsOptions.SectionName));
        services.AddSingleton(options);
        services.AddSingleton<MemoryRateLimitCounterStore>();
        services.AddSingleton<IRateLimitCounterStore>(provider => provider.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisRateLimitCounterStore(redis, provider.GetRequiredService<MemoryRateLimitCounterStore>(),
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<RedisRateLimitCounterStore>>())
            : provider.GetRequiredService<MemoryRateLimitCounterStore>());
        services.AddSingleton<RateLimitPartitions>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((limiter, provider) =>
        {
            var partitions = provider.GetRequiredService<RateLimitPartitions>();
            foreach (var policy in RateLimitPolicies.All)
            {
                limiter.AddPolicy(policy, context => partitions.For(policy, context));
            }

            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => WriteRejectionAsync(context);
        });
        return services;
    }

    /// <summary>After authentication (per-user limits need the user), before the endpoints.</summary>
    public static IApplicationBuilder UseAbuseLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitAccountMiddleware>().UseRateLimiter();

    /// <summary>A policy whose per-account limit counts an anonymous request by the given member of its JSON body.</summary>
    public static TBuilder RequireRateLimiting<TBuilder>(this TBuilder builder, string policy, RateLimitAccount account)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(policy).WithMetadata(account);

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var error = Error.TooManyRequests(RateLimitedCode, "Too many requests. Retry after the time in Retry-After.") with { RetryAfter = retryAfter };
        // Expected refusals: counted and summarised every few seconds, not logged one by one.
        var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "request";
        context.HttpContext.RequestServices.GetRequiredService<RefusalSummary>().Count($"{policy} (rate limit)", error);
        await error.ToProblem().ExecuteAsync(context.HttpContext);
    }
}
