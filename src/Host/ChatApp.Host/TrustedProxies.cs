using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChatApp.Host;

/// <summary>
/// Behind nginx (docker/nginx/) the connection comes from the proxy; the client's address and scheme arrive in
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>. They are believed only from the proxies named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>: addresses, <c>ForwardedHeaders:KnownNetworks</c>: CIDR ranges; a list, or
/// one comma-separated value such as <c>ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6</c>), and only their last hop
/// (the address nginx saw): a client that sends its own <c>X-Forwarded-For</c> cannot choose the address the rate
/// limiter and the logs see. Nothing configured (the default): no one is trusted, the headers are ignored.
/// </summary>
internal static partial class TrustedProxies
{
    public const string SectionName = "ForwardedHeaders";

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = OptionsFrom(app.Configuration);
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            return app;
        }

        LogTrusting(app.Logger, string.Join(", ", options.KnownProxies.Select(p => p.ToString()).Concat(options.KnownIPNetworks.Select(n => n.ToString()))));
        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>The middleware's options from configuration; a value that is not an address or range stops the start.</summary>
    public static ForwardedHeadersOptions OptionsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One proxy (nginx) in front: only the entry it appended counts, whatever the client put before it.
            ForwardLimit = 1,
        };

        // The framework trusts loopback by default; here nothing is trusted unless configured.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var value in Values(section.GetSection("KnownProxies")))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{SectionName}:KnownProxies: '{value}' is not an IP address."));
        }

        foreach (var value in Values(section.GetSection("KnownNetworks")))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{SectionName}:KnownNetworks: '{value}' is not an address range such as 10.0.0.0/8."));
        }

        return options;
    }

    private static IEnumerable<string> Values(IConfigurationSection section)
    {
        var items = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? string.Empty);
        return items.SelectMany(item => item.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trusting X-Forwarded-For and X-Forwarded-Proto (last hop only) from {Proxies}")]
    private static partial void LogTrusting(ILogger logger, string proxies);
}
