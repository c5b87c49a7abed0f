using System.Runtime.Versioning;
using ChatApp.Modules.Accounts.Auth;
using Microsoft.Extensions.Options;

namespace ChatApp.UnitTests;

public sealed class AccountsAuthTests
{
    [Fact]
    public void Refresh_tokens_are_256_random_bits_and_only_their_hash_is_kept()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => TokenService.NewRefreshToken()).ToList();

        Assert.Equal(100, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(43, t.Length)); // 32 bytes, base64url without padding
        var hash = TokenService.Hash(tokens[0]);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, TokenService.Hash(tokens[0]));
        Assert.NotEqual(hash, TokenService.Hash(tokens[1]));
    }

    [Fact]
    public void Production_refuses_to_start_without_a_signing_key()
    {
        var production = new JwtOptionsValidator(new FakeEnvironment("Production"));
        var development = new JwtOptionsValidator(new FakeEnvironment("Development"));

        Assert.True(production.Validate(null, new JwtOptions()).Failed);
        Assert.True(development.Validate(null, new JwtOptions()).Succeeded);
        Assert.True(production.Validate(null, new JwtOptions { SigningKey = "too-short" }).Failed);
        Assert.True(production.Validate(null, new JwtOptions { SigningKey = new string('k', 32) }).Succeeded);
    }

    [Fact]
    public void A_development_key_is_generated_once_and_kept()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatapp-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var environment = new FakeEnvironment("Development") { ContentRootPath = folder };
            var options = Options.Create(new JwtOptions { DevelopmentKeyFile = "data/key" });

            var first = new SigningKeyProvider(options, environment).Key;
            var second = new SigningKeyProvider(options, environment).Key;

            Assert.Equal(64, first.Key.Length);
            Assert.Equal(first.Key, second.Key);
            Assert.True(File.Exists(Path.Combine(folder, "data", "key")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are Unix's
    public void The_development_key_file_is_readable_by_its_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatapp-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "data", "key");

            var created = SigningKeyProvider.LoadOrCreateDevelopmentKey(path);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
            Assert.Equal(created, SigningKeyProvider.LoadOrCreateDevelopmentKey(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are Unix's
    public void A_development_key_file_readable_by_others_is_narrowed_to_its_owner()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatapp-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "key");
            var bytes = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
            File.WriteAllText(path, Convert.ToBase64String(bytes));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            Assert.Equal(bytes, SigningKeyProvider.LoadOrCreateDevelopmentKey(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_base64_key_is_decoded_and_a_text_key_is_taken_as_utf8()
    {
        var bytes = Enumerable.Range(0, 48).Select(i => (byte)i).ToArray();

        Assert.Equal(bytes, SigningKeyProvider.Decode(Convert.ToBase64String(bytes)));
        Assert.Equal(40, SigningKeyProvider.Decode("a plain text key that is forty bytes !!!").Length);
    }
}
