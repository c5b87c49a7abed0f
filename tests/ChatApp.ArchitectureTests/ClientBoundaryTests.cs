using System.Xml.Linq;
using ChatApp.Client;
using NetArchTest.Rules;

namespace ChatApp.ArchitectureTests;

/// <summary>The typed client (a NuGet package, usable in WebAssembly) stands alone: no server assembly comes with it (ADR 0025).</summary>
public sealed class ClientBoundaryTests
{
    [Fact]
    public void The_client_references_no_server_assembly()
    {
        var client = typeof(ChatAppClient).Assembly;

        var referenced = client.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var result = Types.InAssembly(client).ShouldNot().HaveDependencyOnAny(["ChatApp.Modules", "ChatApp.BuildingBlocks", "ChatApp.Host"]).GetResult();

        Assert.Contains("Microsoft.AspNetCore.SignalR.Client.Core", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("ChatApp.", StringComparison.Ordinal));
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_client_project_references_no_project_and_only_the_SignalR_client_packages()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Clients", "ChatApp.Client", "ChatApp.Client.csproj"));

        var projects = project.Descendants("ProjectReference").ToList();
        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(projects);
        Assert.Equal(["Microsoft.AspNetCore.SignalR.Client", "Microsoft.AspNetCore.SignalR.Protocols.MessagePack"], packages);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatApp.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ChatApp.sln not found above " + AppContext.BaseDirectory);
    }
}
