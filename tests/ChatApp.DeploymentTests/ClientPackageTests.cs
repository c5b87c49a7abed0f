using System.IO.Compression;
using System.Xml.Linq;

namespace ChatApp.DeploymentTests;

/// <summary>`dotnet pack` of the typed client gives a package anyone can use: its README, the library, no server dependency.</summary>
public sealed class ClientPackageTests
{
    [Fact]
    public async Task Pack_produces_a_package_with_the_readme_and_no_server_dependency()
    {
        var output = Path.Combine(Path.GetTempPath(), "chatapp-client-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, log) = await Processes.RunAsync(
                "dotnet", ["pack", "src/Clients/ChatApp.Client/ChatApp.Client.csproj", "-c", "Release", "-o", output, "-p:Version=1.2.3"],
                Repository.Root, TimeSpan.FromMinutes(10));
            Assert.True(exitCode == 0, log);

            var package = Assert.Single(Directory.GetFiles(output, "*.nupkg"));
            Assert.Equal("ChatApp.Client.1.2.3.nupkg", Path.GetFileName(package));
            using var zip = ZipFile.OpenRead(package);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/ChatApp.Client.dll", entries);

            var nuspecEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            await using var nuspecStream = nuspecEntry.Open();
            var nuspec = await XDocument.LoadAsync(nuspecStream, LoadOptions.None, CancellationToken.None);
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
            var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
            Assert.Contains("Microsoft.AspNetCore.SignalR.Client", dependencies);
            Assert.DoesNotContain(dependencies, id => id.StartsWith("ChatApp", StringComparison.OrdinalIgnoreCase));
            using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
            Assert.Contains("new ChatAppClient(", await readme.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
