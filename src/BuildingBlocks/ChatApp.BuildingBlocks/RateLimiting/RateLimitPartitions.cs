using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using ChatApp.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// Chooses a request's counters for a policy: its client address, its account and its user, each under the policy's
/// name. Requests with the same counters share one partition (one <see cref="CounterRateLimiter"/>).
/// </summary>
internal sealed class RateLimitPartitions(IRateLimitCounterStore store, RateLimitsOptions options, TimeProvider timeProvider)
{
    public RateLimitPartition<string> For(string policy, HttpContext context)
    {
        if (!options.Enabled || !options.Policies.TryGetValue(policy, out var rules))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        // A Redis hash tag per policy keeps one request's counters in one slot, as a multi-key script needs on a cluster.
        var prefix = $"{options.RedisPrefix}{{{policy}}}:";
        var counters = new List<RateLimitCounter>(3);
        if (rules.PerAddress is { } perAddress)
        {
            counters.Add(new RateLimitCounter(prefix + "addr:" + AddressKey(context.Connection.RemoteIpAddress), perAddress.PermitLimit, perAddress.Window));
        }

        if (rules.PerAccount is { } perAccount && AccountKey(context) is { } account)
        {
            counters.Add(new RateLimitCounter(prefix + "acct:" + account, perAccount.PermitLimit, perAccount.Window));
        }

        if (rules.PerUser is { } perUser && UserKey(context) is { } user)
        {
            counters.Add(new RateLimitCounter(prefix + "user:" + user, perUser.PermitLimit, perUser.Window));
        }

        if (counters.Count == 0)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.Get(string.Join('|', counters.Select(c => c.Key)), _ => new CounterRateLimiter(store, counters, timeProvider));
    }

    /// <summary>
    /// The client's address (behind the proxy, the one ForwardedHeaders took from it). IPv6 clients are counted per /64,
    /// the block one subscriber usually holds, so rotating addresses inside it does not buy more attempts.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static string? AccountKey(HttpContext context) =>
        UserKey(context) ?? RateLimitAccountMiddleware.AccountKeyOf(context);

    private static string? UserKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(ClaimsPrincipalExtensions.SubjectClaim)?.Value is { } subject
            ? "u:" + subject
            : null;
}
