using ChatApp.BuildingBlocks.RateLimiting;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// The abuse limits for test hosts: every limit the production defaults have, raised so high that the suite (which
/// registers and signs in many users from 127.0.0.1) never meets one, and counters under a key prefix of the host's own.
/// Tests of the limits themselves set small ones on top (configuration keys as in <see cref="Key"/>).
/// </summary>
public static class RateLimitSettings
{
    public const int Generous = 1_000_000;

    /// <summary>Settings as configuration keys (<c>RateLimits:login:PerAddress:PermitLimit</c>).</summary>
    public static Dictionary<string, string> For(string redisPrefix)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["RateLimits:RedisPrefix"] = redisPrefix };
        foreach (var (policy, rules) in new RateLimitsOptions().Policies)
        {
            foreach (var (dimension, rule) in new[] { ("PerAddress", rules.PerAddress), ("PerAccount", rules.PerAccount), ("PerUser", rules.PerUser) })
            {
                if (rule is not null)
                {
                    settings[Key(policy, dimension, "PermitLimit")] = Generous.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return settings;
    }

    /// <summary>The same settings added to a process environment (<c>RateLimits__login__PerAddress__PermitLimit</c>).</summary>
    public static Dictionary<string, string> AddTo(Dictionary<string, string> environment, string redisPrefix)
    {
        foreach (var (key, value) in For(redisPrefix))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    public static string Key(string policy, string dimension, string setting) => $"RateLimits:{policy}:{dimension}:{setting}";
}
