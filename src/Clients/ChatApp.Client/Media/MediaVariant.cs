namespace ChatApp.Client.Media;

/// <summary>One rendered size of an image (server: MediaVariantInfo).</summary>
public sealed record MediaVariant(string Name, string Url, int Width, int Height, string ContentType, long Bytes);
