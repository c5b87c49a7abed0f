using System.Runtime.Versioning;
using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The embedded default run as a process: Development with no servers configured starts as before (ADR 16).</summary>
public sealed class EmbeddedDefaultProcessTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task Development_without_servers_starts_on_sqlite_and_keeps_its_generated_signing_key_private()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatapp-embedded-" + Guid.NewGuid().ToString("N"));
        try
        {
            var keyFile = Path.Combine(folder, "jwt-signing.key");
            await using var host = await HostProcess.StartServerAsync(new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                // Only where the files go, so that the test leaves nothing next to the binaries.
                ["Database__SqliteDirectory"] = folder,
                ["Media__LocalDirectory"] = Path.Combine(folder, "media"),
                ["Jwt__DevelopmentKeyFile"] = keyFile,
            });
            using var http = new HttpClient { BaseAddress = host.Address };
            var email = AccountsApi.UniqueEmail();
            var registered = await http.PostAsJsonAsync("/api/v1/accounts/register", new { email, password = AccountsApi.Password, displayName = "Embedded" });
            var login = await http.PostAsJsonAsync("/api/v1/accounts/login", new { email, password = AccountsApi.Password });

            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("database: Sqlite", host.Output, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
