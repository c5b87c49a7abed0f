namespace ChatApp.Modules.Accounts.External;

/// <summary>Section <c>Accounts:External:Facebook</c>: configured when both <see cref="AppId"/> and <see cref="AppSecret"/> are set.</summary>
internal sealed class FacebookOptions
{
    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    public string GraphVersion { get; set; } = "v25.0";

    /// <summary>
    /// Where this provider's profile pictures may be fetched from (<see cref="PictureOrigin"/> syntax); unset means the
    /// provider's own CDNs (<see cref="ExternalSignInOptions.DefaultPictureOrigins"/>). (An empty list in configuration
    /// binds as unset; <see cref="ExternalSignInOptions.ImportProviderPictures"/> turns imports off.)
    /// </summary>
    public List<string>? PictureOrigins { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
