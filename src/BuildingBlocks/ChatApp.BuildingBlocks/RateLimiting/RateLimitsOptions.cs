using Microsoft.Extensions.Configuration;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimits</c>: <c>RateLimits:Enabled</c>, <c>RateLimits:RedisPrefix</c> and, per policy,
/// <c>RateLimits:&lt;Policy&gt;:PerAddress|PerAccount|PerUser:PermitLimit|Window</c> (policy names as in
/// <see cref="RateLimitPolicies"/>). The defaults below are the production limits documented in docs/api.md.
/// </summary>
internal sealed class RateLimitsOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Prefix of the counters' keys in Redis (deployments sharing one Redis keep them apart with it).</summary>
    public string RedisPrefix { get; set; } = "chatapp:rl:";

    public Dictionary<string, RateLimitPolicyOptions> Policies { get; } = Defaults();

    /// <summary>Binds the section onto the defaults: only the values it sets change.</summary>
    public void Bind(IConfiguration section)
    {
        Enabled = section.GetValue(nameof(Enabled), Enabled);
        RedisPrefix = section[nameof(RedisPrefix)] ?? RedisPrefix;
        foreach (var (name, policy) in Policies)
        {
            var policySection = section.GetSection(name);
            BindRule(policySection.GetSection(nameof(RateLimitPolicyOptions.PerAddress)), policy.PerAddress, rule => policy.PerAddress = rule);
            BindRule(policySection.GetSection(nameof(RateLimitPolicyOptions.PerAccount)), policy.PerAccount, rule => policy.PerAccount = rule);
            BindRule(policySection.GetSection(nameof(RateLimitPolicyOptions.PerUser)), policy.PerUser, rule => policy.PerUser = rule);
        }
    }

    private static void BindRule(IConfigurationSection section, RateLimitRule? current, Action<RateLimitRule> set)
    {
        if (!section.Exists())
        {
            return;
        }

        var rule = current ?? new RateLimitRule();
        rule.PermitLimit = section.GetValue(nameof(RateLimitRule.PermitLimit), rule.PermitLimit);
        rule.Window = section.GetValue(nameof(RateLimitRule.Window), rule.Window);
        set(rule);
    }

    private static Dictionary<string, RateLimitPolicyOptions> Defaults()
    {
        var minute = TimeSpan.FromMinutes(1);
        var quarter = TimeSpan.FromMinutes(15);
        var hour = TimeSpan.FromHours(1);
        return new Dictionary<string, RateLimitPolicyOptions>(StringComparer.OrdinalIgnoreCase)
        {
            // Generous per address: many phones share one address behind a carrier's NAT.
            [RateLimitPolicies.Register] = new() { PerAddress = RateLimitRule.Of(20, hour), PerAccount = RateLimitRule.Of(5, hour) },
            [RateLimitPolicies.Login] = new() { PerAddress = RateLimitRule.Of(60, quarter), PerAccount = RateLimitRule.Of(10, quarter) },
            [RateLimitPolicies.Refresh] = new() { PerAddress = RateLimitRule.Of(120, quarter), PerAccount = RateLimitRule.Of(10, quarter) },
            // Mails cost money and annoy their reader; per account is the address asked for (forgot) or the signed-in user.
            [RateLimitPolicies.EmailSend] = new() { PerAddress = RateLimitRule.Of(20, hour), PerAccount = RateLimitRule.Of(3, hour) },
            // Tries of mailed codes; the codes also have their own limits of wrong guesses (Email:MaxCodeAttempts...).
            [RateLimitPolicies.EmailToken] = new() { PerAddress = RateLimitRule.Of(60, hour), PerAccount = RateLimitRule.Of(10, quarter) },
            [RateLimitPolicies.Upload] = new() { PerUser = RateLimitRule.Of(30, minute) },
            [RateLimitPolicies.EditMessage] = new() { PerUser = RateLimitRule.Of(60, minute) },
            [RateLimitPolicies.React] = new() { PerUser = RateLimitRule.Of(120, minute) },
            [RateLimitPolicies.CreateRoom] = new() { PerUser = RateLimitRule.Of(30, hour) },
            [RateLimitPolicies.Search] = new() { PerUser = RateLimitRule.Of(120, minute) },
            // Previews and QR codes need no sign-in: counted per address too (generous: a shared link is opened by many behind one NAT).
            [RateLimitPolicies.InviteLookup] = new() { PerAddress = RateLimitRule.Of(300, minute), PerUser = RateLimitRule.Of(60, minute) },
            [RateLimitPolicies.PeopleSearch] = new() { PerUser = RateLimitRule.Of(60, minute) },
        };
    }
}
