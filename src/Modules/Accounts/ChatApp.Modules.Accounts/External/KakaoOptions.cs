namespace ChatApp.Modules.Accounts.External;

/// <summary>Section <c>Accounts:External:Kakao</c>: configured when <see cref="AppId"/> (the numeric app id) is set.</summary>
internal sealed class KakaoOptions
{
    public long? AppId { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://kapi.kakao.com");

    /// <summary>
    /// Where this provider's profile pictures may be fetched from (<see cref="PictureOrigin"/> syntax); unset means the
    /// provider's own CDNs (<see cref="ExternalSignInOptions.DefaultPictureOrigins"/>). (An empty list in configuration
    /// binds as unset; <see cref="ExternalSignInOptions.ImportProviderPictures"/> turns imports off.)
    /// </summary>
    public List<string>? PictureOrigins { get; set; }

    public bool IsConfigured => AppId is not null;
}
