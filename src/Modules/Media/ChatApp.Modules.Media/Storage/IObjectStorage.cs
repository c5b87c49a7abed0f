namespace ChatApp.Modules.Media.Storage;

/// <summary>Where image objects live: local disk (embedded default) or an S3-compatible bucket.</summary>
internal interface IObjectStorage
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>Deletes the objects; missing ones are fine (deleting is idempotent).</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>The storage's own URL of a public object (used when no CDN base URL is configured).</summary>
    string PublicUrl(string key);

    /// <summary>A URL that lets its holder read a private object until <paramref name="expiresAt"/>.</summary>
    string SignedUrl(string key, DateTimeOffset expiresAt);

    /// <summary>Prepares the storage (creates the folder or bucket when configured to).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}

/// <summary>Object keys: unguessable (128 random bits) and never reused, so a key's bytes can be cached forever.</summary>
internal static class ObjectKeys
{
    public const string PublicPrefix = "public/";
    public const string PrivatePrefix = "private/";

    public static string NewFolder(MediaPurpose purpose)
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return purpose == MediaPurpose.Avatar ? $"{PublicPrefix}avatars/{token}/" : $"{PrivatePrefix}chat/{token}/";
    }

    public static bool IsPublic(string key) => key.StartsWith(PublicPrefix, StringComparison.Ordinal);

    /// <summary>Keys we generate: letters, digits, '-', '_', '.' and '/' separators; nothing that climbs out of a folder.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= 200
        && (key.StartsWith(PublicPrefix, StringComparison.Ordinal) || key.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        && !key.Contains("..", StringComparison.Ordinal)
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
