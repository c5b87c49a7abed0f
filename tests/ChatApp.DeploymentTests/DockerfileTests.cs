using System.Text.Json;

namespace ChatApp.DeploymentTests;

/// <summary>docker/Dockerfile and .dockerignore: what the image must be to run on a restricted cluster (ADR 15).</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.Parse(Repository.Read("docker/Dockerfile"));
    private static readonly DockerIgnore Ignore = DockerIgnore.Parse(Repository.Read(".dockerignore"));

    [Theory]
    [InlineData("src/Host/ChatApp.Host/obj/project.assets.json")]
    [InlineData("src/Host/ChatApp.Host/bin/Debug/net10.0/ChatApp.Host.dll")]
    [InlineData("src/Modules/Chat/ChatApp.Modules.Chat/obj/Release/net10.0/linux-x64/ChatApp.Modules.Chat.dll")]
    [InlineData("src/Host/ChatApp.Host/data/accounts.db")]
    [InlineData("tests/ChatApp.IntegrationTests/bin/Debug/net10.0/ChatApp.IntegrationTests.dll")]
    [InlineData("tests/ChatApp.IntegrationTests/TestResults/run.trx")]
    [InlineData(".git/HEAD")]
    [InlineData("data/media/a.webp")]
    [InlineData("docker/docker-compose.yml")]
    public void The_build_context_leaves_out(string path) => Assert.False(Ignore.Includes(path), path);

    [Theory]
    [InlineData("src/Host/ChatApp.Host/Program.cs")]
    [InlineData("src/Host/ChatApp.Host/ChatApp.Host.csproj")]
    [InlineData("src/Modules/Chat/ChatApp.Modules.Chat/Migrations/x.cs")]
    [InlineData("global.json")]
    [InlineData("Directory.Packages.props")]
    public void The_build_context_holds(string path) => Assert.True(Ignore.Includes(path), path);

    /// <summary>This tree has been built (the tests run from its bin/): none of its build outputs may reach the builder.</summary>
    [Fact]
    public void The_context_of_this_built_tree_has_no_build_output()
    {
        var context = Ignore.Context(Repository.Root);

        Assert.Contains("src/Host/ChatApp.Host/Program.cs", context);
        Assert.All(context, path => Assert.DoesNotMatch("(^|/)(bin|obj|TestResults|data|\\.git)(/|$)", path));
        Assert.All(context, path => Assert.True(path.StartsWith("src/", StringComparison.Ordinal) || !path.Contains('/'), path));
    }

    [Fact]
    public void The_image_runs_as_a_numeric_non_root_user()
    {
        var user = File.InStage(File.FinalStage).Last(i => i.Keyword == "USER").Arguments;

        // $APP_UID is the aspnet base image's non-root user (1654), a number as Kubernetes' runAsNonRoot requires.
        Assert.True(user is "$APP_UID" or "${APP_UID}" || (int.TryParse(user.Split(':')[0], out var uid) && uid > 0), user);
        Assert.Contains("1654", Repository.Read("k8s/deployment.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_has_a_healthcheck_that_needs_no_curl()
    {
        var healthcheck = Assert.Single(File.InStage(File.FinalStage), i => i.Keyword == "HEALTHCHECK").Arguments;
        var command = JsonSerializer.Deserialize<string[]>(healthcheck[(healthcheck.IndexOf("CMD [", StringComparison.Ordinal) + 4)..])!;

        Assert.Equal(["dotnet", "/app/ChatApp.Host.dll", "healthcheck"], command);
        Assert.Contains("--timeout=", healthcheck, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writable_paths_are_volumes_and_the_entry_point_is_the_host()
    {
        var final = File.InStage(File.FinalStage).ToList();
        var volumes = JsonSerializer.Deserialize<string[]>(Assert.Single(final, i => i.Keyword == "VOLUME").Arguments)!;
        var entryPoint = JsonSerializer.Deserialize<string[]>(Assert.Single(final, i => i.Keyword == "ENTRYPOINT").Arguments)!;

        Assert.Equal(["/tmp", "/app/data"], volumes);
        Assert.Equal(["dotnet", "/app/ChatApp.Host.dll"], entryPoint);
        Assert.Contains(final, i => i.Keyword == "ENV" && i.Arguments.Contains("ASPNETCORE_ENVIRONMENT=Production", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Keyword == "COPY" && i.Arguments == "--from=build /app .");
    }
}
