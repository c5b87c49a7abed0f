using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>The one symmetric key that signs and validates access tokens.</summary>
internal sealed class SigningKeyProvider
{
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

    private static byte[] LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var bytes = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        return bytes;
    }
}
