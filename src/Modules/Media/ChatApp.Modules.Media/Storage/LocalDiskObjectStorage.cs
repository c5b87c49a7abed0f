using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatApp.Modules.Media.Storage;

/// <summary>
/// Objects as files under one folder (the embedded default). The host serves public objects at
/// <c>/media/files/{key}</c> and private ones only through signed links <c>/media/files/signed/{token}</c>, whose token
/// is the key and its expiry protected with ASP.NET Core Data Protection (shared by all nodes through Redis).
/// </summary>
internal sealed class LocalDiskObjectStorage(string root, IDataProtectionProvider dataProtection, TimeProvider timeProvider) : IObjectStorage
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ChatApp.Media.SignedUrls.v1");

    public string Root { get; } = Path.GetFullPath(root);

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write aside and rename, so a reader never sees half a file.
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var path = PathOf(key);
            File.Delete(path);
            var folder = Path.GetDirectoryName(path)!;
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public string PublicUrl(string key) => $"{MediaRoutes.Files}/{key}";

    public string SignedUrl(string key, DateTimeOffset expiresAt)
    {
        var payload = Encoding.UTF8.GetBytes(expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\n" + key);
        return $"{MediaRoutes.Files}/signed/{WebEncoders.Base64UrlEncode(_protector.Protect(payload))}";
    }

    /// <summary>The key a signed token grants, or null when the token is forged, damaged or expired.</summary>
    public string? KeyFromToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0 || !long.TryParse(text.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            {
                return null;
            }

            return timeProvider.GetUtcNow().ToUnixTimeSeconds() < expires ? text[(newline + 1)..] : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The file of a key; throws for a key we could not have generated (no path traversal).</summary>
    public string PathOf(string key)
    {
        if (!ObjectKeys.IsWellFormed(key))
        {
            throw new ArgumentException("Malformed object key.", nameof(key));
        }

        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
