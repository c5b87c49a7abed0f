using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>The one symmetric key that signs and validates access tokens.</summary>
internal sealed class SigningKeyProvider
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured)
            ? LoadOrCreateDevelopmentKey(Path.GetFullPath(options.Value.DevelopmentKeyFile, environment.ContentRootPath))
            : Decode(configured);
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    internal static byte[] Decode(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(key);
    }

    /// <summary>
    /// The development key, readable by its owner only (0600): created under a temporary name with that mode and
    /// moved into place, so no other user can ever read it and two processes starting at once agree on one key. A
    /// file left readable by others (created before this rule) is narrowed to 0600 when read.
    /// </summary>
    internal static byte[] LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return ReadKey(path);
        }

        var bytes = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(temporary, Encoding.ASCII, create))
        {
            writer.Write(Convert.ToBase64String(bytes));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return bytes;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            File.Delete(temporary);
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
