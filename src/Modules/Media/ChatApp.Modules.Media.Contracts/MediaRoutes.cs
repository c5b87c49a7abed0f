namespace ChatApp.Modules.Media.Contracts;

/// <summary>Route prefixes of the Media module.</summary>
public static class MediaRoutes
{
    public const string Media = "/api/v1/media";

    /// <summary>Where the host serves stored files when media live on local disk.</summary>
    public const string Files = "/media/files";
}
