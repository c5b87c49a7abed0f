namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Sections <c>Accounts:External:Apple</c> and <c>:Google</c>: configured when <see cref="ClientIds"/> has an entry
/// (Apple: the bundle id and services id; Google: the server/web client id the app asks tokens for).
/// </summary>
internal sealed class OpenIdProviderOptions
{
    /// <summary>The accepted audiences (<c>aud</c>).</summary>
    public List<string> ClientIds { get; set; } = [];

    /// <summary>The accepted issuers (<c>iss</c>); setting <c>Issuer</c> in configuration replaces the defaults with one.</summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>One issuer, as configuration usually gives it; replaces <see cref="Issuers"/> when set.</summary>
    public string? Issuer { get; set; }

    public Uri JwksUrl { get; set; } = null!;

    /// <summary>
    /// Where this provider's profile pictures may be fetched from (<see cref="PictureOrigin"/> syntax); unset means the
    /// provider's own CDNs (<see cref="ExternalSignInOptions.DefaultPictureOrigins"/>). (An empty list in configuration
    /// binds as unset; <see cref="ExternalSignInOptions.ImportProviderPictures"/> turns imports off.)
    /// </summary>
    public List<string>? PictureOrigins { get; set; }

    public bool IsConfigured => ClientIds.Exists(id => !string.IsNullOrWhiteSpace(id));

    public IReadOnlyList<string> ValidIssuers => string.IsNullOrWhiteSpace(Issuer) ? Issuers : [Issuer];
}
