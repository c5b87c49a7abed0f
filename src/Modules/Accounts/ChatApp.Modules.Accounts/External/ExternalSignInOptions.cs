namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Configuration section <c>Accounts:External</c>: one subsection per provider. A provider whose subsection lacks its
/// ids is not configured (its routes answer 404 <c>accounts.provider_not_configured</c>). The base addresses default to
/// the real providers; tests point them at stand-ins.
/// </summary>
internal sealed class ExternalSignInOptions
{
    public const string SectionName = "Accounts:External";

    public FacebookOptions Facebook { get; set; } = new();

    public KakaoOptions Kakao { get; set; } = new();

    public OpenIdProviderOptions Apple { get; set; } = new()
    {
        Issuers = ["https://appleid.apple.com"],
        JwksUrl = new Uri("https://appleid.apple.com/auth/keys"),
    };

    public OpenIdProviderOptions Google { get; set; } = new()
    {
        Issuers = ["https://accounts.google.com", "accounts.google.com"],
        JwksUrl = new Uri("https://www.googleapis.com/oauth2/v3/certs"),
    };

    /// <summary>How long one call to a provider may take before the sign-in answers 503.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest time between two refetches of a key set caused by a token with an unknown key id (anyone can send
    /// such tokens; the provider must not be hammered). Expiry refetches (Cache-Control max-age) are not throttled by it.
    /// </summary>
    public TimeSpan JwksMinRefetchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a failed key set fetch is remembered: meanwhile sign-ins needing that set answer 503 at once (or use the
    /// set fetched before) instead of each waiting for the provider in turn.
    /// </summary>
    public TimeSpan JwksFailureRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For an account without a password, how recent its session's sign-in must be to link a provider, set a first
    /// password or deactivate (<see cref="Auth.Reauthentication"/>).
    /// </summary>
    public TimeSpan ReauthenticationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a key set is kept when the provider sends no Cache-Control max-age.</summary>
    public TimeSpan JwksDefaultMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The picture origins of each provider when its <c>PictureOrigins</c> is not configured: the CDNs its profile
    /// picture URLs point at (Facebook's lookaside URL redirects to fbcdn.net). Apple sends no picture.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultPictureOrigins = new Dictionary<string, IReadOnlyList<string>>
    {
        [ExternalProviders.Facebook] = ["https://*.fbsbx.com", "https://*.fbcdn.net"],
        [ExternalProviders.Kakao] = ["https://*.kakaocdn.net"],
        [ExternalProviders.Apple] = [],
        [ExternalProviders.Google] = ["https://*.googleusercontent.com"],
    };

    /// <summary>How long fetching a provider's profile picture may take, redirects included.</summary>
    public TimeSpan PictureTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest provider profile picture fetched; a larger one is not imported (Media's upload limit applies too).</summary>
    public long PictureMaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// True lets provider pictures be fetched from loopback, private and link-local addresses; only for local stand-ins
    /// of the providers' CDNs (tests). By default such addresses are never connected to.
    /// </summary>
    public bool PicturesFromPrivateAddresses { get; set; }

    /// <summary>False: provider pictures are never fetched (new accounts start without an avatar).</summary>
    public bool ImportProviderPictures { get; set; } = true;

    /// <summary>How many times in all a picture that failed for a passing reason (timeout, 429, 5xx) is tried.</summary>
    public int PictureAttempts { get; set; } = 4;

    /// <summary>The wait before the second try of a picture; each later try waits twice as long as the one before.</summary>
    public TimeSpan PictureRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The configured picture origins of <paramref name="provider"/>, or its defaults.</summary>
    public IReadOnlyList<string> PictureOriginsOf(string provider) =>
        (provider switch
        {
            ExternalProviders.Facebook => Facebook.PictureOrigins,
            ExternalProviders.Kakao => Kakao.PictureOrigins,
            ExternalProviders.Apple => Apple.PictureOrigins,
            ExternalProviders.Google => Google.PictureOrigins,
            _ => [],
        }) ?? DefaultPictureOrigins.GetValueOrDefault(provider) ?? [];

    /// <summary>The providers this server can sign in with, in <see cref="ExternalProviders.All"/> order.</summary>
    public IReadOnlyList<string> ConfiguredProviders() =>
        ExternalProviders.All.Where(provider => provider switch
        {
            ExternalProviders.Facebook => Facebook.IsConfigured,
            ExternalProviders.Kakao => Kakao.IsConfigured,
            ExternalProviders.Apple => Apple.IsConfigured,
            _ => Google.IsConfigured,
        }).ToList();
}
