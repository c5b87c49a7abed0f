namespace ChatApp.Host.Http;

/// <summary>
/// Where the web app's images come from besides this origin, read from the Media module's configuration (section
/// <c>Media</c>): the CDN when one is set, otherwise the S3 endpoint (path style, the bucket's host, or AWS's) whose
/// signed and public URLs the API hands out. Local storage serves <c>/media/files</c> from this origin: nothing to add.
/// </summary>
internal static class MediaOrigins
{
    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var media = configuration.GetSection("Media");
        var origins = new List<string>();
        AddOrigin(origins, media["CdnBaseUrl"]);
        if (string.Equals(media["Storage"], "S3", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = media.GetSection("S3");
            var serviceUrl = s3["ServiceUrl"];
            var bucket = s3["Bucket"] ?? "";
            if (!string.IsNullOrWhiteSpace(serviceUrl))
            {
                AddOrigin(origins, serviceUrl);
                if (!s3.GetValue("ForcePathStyle", false) && Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) && bucket.Length > 0)
                {
                    AddOrigin(origins, $"{service.Scheme}://{bucket}.{service.Authority}");
                }
            }
            else if (bucket.Length > 0)
            {
                AddOrigin(origins, $"https://{bucket}.s3.{s3["Region"] ?? "us-east-1"}.amazonaws.com");
            }
        }

        return origins;
    }

    private static void AddOrigin(List<string> origins, string? url)
    {
        if (!string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var origin = uri.GetLeftPart(UriPartial.Authority);
            if (!origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                origins.Add(origin);
            }
        }
    }
}
