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
