namespace ChatApp.Modules.Media.Storage;

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
