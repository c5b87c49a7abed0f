using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ChatApp.DeploymentTests;

/// <summary>
/// The image's build stage run without a Docker engine: the context is what .dockerignore lets through from this (built)
/// tree, and the stage's WORKDIR, ENV, COPY and RUN steps are carried out in order in a temporary folder standing for
/// the build container (its <c>/src</c> and <c>/app</c> mapped into it). So a project missing from the restore step's
/// COPY lines, a build output leaking into the context (NETSDK1047) or a publish that fails shows up here.
/// </summary>
public sealed partial class ImageBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_build_stage_publishes_the_host_from_the_filtered_context()
    {
        var dockerfile = Dockerfile.Parse(Repository.Read("docker/Dockerfile"));
        var ignore = DockerIgnore.Parse(Repository.Read(".dockerignore"));
        var scratch = Directory.CreateTempSubdirectory("chatapp-image-build-");
        try
        {
            var container = Path.Combine(scratch.FullName, "container");
            string Map(string path) => Path.GetFullPath(Path.Combine(container, path.TrimStart('/')));
            var context = ignore.Context(Repository.Root);
            var workdir = Map("/");
            // As in a build container, nothing outlives the step: no MSBuild or compiler server left running.
            var environment = new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["UseSharedCompilation"] = "false" };

            foreach (var step in dockerfile.InStage(dockerfile.StageNamed("build")))
            {
                switch (step.Keyword)
                {
                    case "FROM":
                        break;
                    case "WORKDIR":
                        workdir = Map(step.Arguments);
                        Directory.CreateDirectory(workdir);
                        break;
                    case "ENV":
                        foreach (Match pair in EnvPair().Matches(step.Arguments))
                        {
                            environment[pair.Groups[1].Value] = pair.Groups[2].Value;
                        }

                        break;
                    case "COPY":
                        Copy(context, step.Arguments, workdir);
                        break;
                    case "RUN":
                        var command = AbsolutePath().Replace(step.Arguments, m => m.Groups[1].Value + Map(m.Groups[2].Value));
                        output.WriteLine("RUN " + command);
                        var (exitCode, log) = await Processes.RunAsync("/bin/sh", ["-c", command], workdir, TimeSpan.FromMinutes(20), environment);
                        Assert.True(exitCode == 0, $"RUN {step.Arguments} failed:\n{log}");
                        break;
                    default:
                        Assert.Fail($"The build stage uses {step.Keyword}, which this test does not carry out; teach it.");
                        break;
                }
            }

            // The final stage copies the build stage's /app.
            var published = Map("/app");
            Assert.True(File.Exists(Path.Combine(published, "ChatApp.Host.dll")), "no ChatApp.Host.dll in the publish output");
            Assert.True(File.Exists(Path.Combine(published, "ChatApp.Host.runtimeconfig.json")));
            // The web app at / (ADR 0025 part D): the WebAssembly project's files next to the host's.
            Assert.True(File.Exists(Path.Combine(published, "wwwroot", "index.html")), "no wwwroot/index.html in the publish output");
            Assert.True(File.Exists(Path.Combine(published, "wwwroot", "_framework", "blazor.webassembly.js")), "no wwwroot/_framework in the publish output");
            var bytes = new DirectoryInfo(published).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            output.WriteLine($"publish output: {bytes / 1024.0 / 1024.0:F1} MiB");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>COPY src... dest/ from the context: a glob within path segments; a folder copies its contents.</summary>
    private static void Copy(List<string> context, string arguments, string workdir)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(parts, p => p.StartsWith("--", StringComparison.Ordinal));
        var destination = Path.GetFullPath(Path.Combine(workdir, parts[^1]));
        foreach (var source in parts[..^1])
        {
            var pattern = new Regex("^" + Regex.Escape(source.TrimEnd('/')).Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "$");
            var copied = 0;
            foreach (var file in context)
            {
                var segments = file.Split('/');
                for (var count = 1; count <= segments.Length; count++)
                {
                    if (!pattern.IsMatch(string.Join('/', segments.Take(count))))
                    {
                        continue;
                    }

                    // A matched file goes into the destination folder; a matched folder's contents go under it.
                    var relative = count == segments.Length ? segments[^1] : string.Join('/', segments.Skip(count));
                    var target = Path.Combine(destination, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(Repository.PathOf(file), target, overwrite: true);
                    copied++;
                    break;
                }
            }

            Assert.True(copied > 0, $"COPY {source}: nothing in the build context matches (left out by .dockerignore?)");
        }
    }

    [GeneratedRegex("""(\w+)=("[^"]*"|\S+)""")]
    private static partial Regex EnvPair();

    /// <summary>An absolute container path in a command line (the output folder <c>-o /app</c>).</summary>
    [GeneratedRegex("(\\s)(/(?:app|src)(?:/\\S*)?)(?=\\s|$)")]
    private static partial Regex AbsolutePath();
}
