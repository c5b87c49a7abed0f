namespace ChatApp.Modules.Notifications.Providers.Apns;

/// <summary>
/// Configuration section <c>Notifications:Apns</c>: token-based authentication with an APNs auth key (Apple Developer →
/// Certificates, Identifiers &amp; Profiles → Keys, with "Apple Push Notifications service" enabled). No key: iOS pushes
/// are off. A key without its id or team id refuses to start.
/// </summary>
internal sealed class ApnsOptions
{
    public const string SectionName = "Notifications:Apns";
    public const string Sandbox = "sandbox";
    public const string Production = "production";

    /// <summary>The .p8 key file's text (PEM, "-----BEGIN PRIVATE KEY-----").</summary>
    public string? KeyP8 { get; set; }

    /// <summary>The path of the .p8 key file (e.g. a mounted secret).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key's 10-character Key ID.</summary>
    public string? KeyId { get; set; }

    /// <summary>The 10-character Team ID of the developer account that owns the key and the app.</summary>
    public string? TeamId { get; set; }

    /// <summary>The app's bundle id, used as <c>apns-topic</c> for a device that registered without one.</summary>
    public string? Topic { get; set; }

    /// <summary><c>production</c> (App Store and TestFlight builds) or <c>sandbox</c> (builds run from Xcode).</summary>
    public string Environment { get; set; } = Production;

    /// <summary>Overrides the address that <see cref="Environment"/> picks (tests point it at a stand-in).</summary>
    public Uri? BaseAddress { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(KeyP8) || !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(KeyId) || !string.IsNullOrWhiteSpace(TeamId);

    public Uri ServiceAddress => BaseAddress ?? new Uri(string.Equals(Environment, Sandbox, StringComparison.OrdinalIgnoreCase)
        ? "https://api.sandbox.push.apple.com"
        : "https://api.push.apple.com");

    /// <summary>The key's PEM text, or why it cannot be had; null when no key is configured.</summary>
    public Result<string>? LoadKey()
    {
        if (!string.IsNullOrWhiteSpace(KeyP8))
        {
            return KeyP8;
        }

        if (string.IsNullOrWhiteSpace(KeyFile))
        {
            return null;
        }

        return File.Exists(KeyFile)
            ? File.ReadAllText(KeyFile)
            : Error.Failure("apns_key_missing", $"Notifications:Apns:KeyFile '{KeyFile}' does not exist.");
    }
}
