namespace ChatApp.UnitTests.Recommendation;

/// <summary>The evaluation tool's <c>--generate</c> as people run it: a process writing a ratings file the tool reads.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recommender-generate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Generate_writes_the_ratings_and_the_people_the_same_for_the_same_seed_and_the_tool_evaluates_them()
    {
        var first = Path.Combine(_directory, "first.tsv");
        var second = Path.Combine(_directory, "second.tsv");

        var run = await EvalToolProcess.RunAsync("--generate", first, "--people", "400", "--ratings", "6000", "--seed", "3", "--communities", "4", "--bad-actors", "0.1");
        var again = await EvalToolProcess.RunAsync("--generate", second, "--people", "400", "--ratings", "6000", "--seed", "3", "--communities", "4", "--bad-actors", "0.1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(string.Empty, run.Error.Trim());
        Assert.Contains("wrote 6000 ratings", run.Output, StringComparison.Ordinal);
        Assert.Equal(6000, File.ReadLines(first).Count());
        Assert.Equal(401, File.ReadLines(first + ".people").Count()); // a header and one line per person
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        Assert.Equal(await File.ReadAllBytesAsync(first + ".people"), await File.ReadAllBytesAsync(second + ".people"));

        var evaluation = await EvalToolProcess.RunAsync("--ratings", first, "--kfold", "2", "--scale", "-10,10,0", "--epochs", "5");
        Assert.Equal(0, evaluation.ExitCode);
        Assert.Contains("| recommender (MF blend) |", evaluation.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--people needs a whole number, got 'many'", new[] { "--generate", "x.tsv", "--people", "many", "--ratings", "10" })]
    [InlineData("--generate needs --people N and --ratings M", new[] { "--generate", "x.tsv", "--people", "100" })]
    [InlineData("unknown option '--kfold' with --generate", new[] { "--generate", "x.tsv", "--people", "100", "--ratings", "10", "--kfold", "3" })]
    [InlineData("--bad-actors must lie in [0, 1)", new[] { "--generate", "x.tsv", "--people", "100", "--ratings", "10", "--bad-actors", "2" })]
    [InlineData("--ratings must be at most a tenth", new[] { "--generate", "x.tsv", "--people", "10", "--ratings", "100" })]
    [InlineData("cannot write /nonexistent/x.tsv", new[] { "--generate", "/nonexistent/x.tsv", "--people", "100", "--ratings", "10" })]
    public async Task Bad_values_print_a_reason_and_the_usage_and_exit_2(string reason, string[] arguments)
    {
        var (exitCode, output, error) = await EvalToolProcess.RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.Trim());
        Assert.StartsWith("error: " + reason, error, StringComparison.Ordinal);
        Assert.Contains("usage: ChatApp.RecommenderEval", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_generator_options()
    {
        var (exitCode, output, _) = await EvalToolProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--generate", "--people", "--ratings M", "--seed", "--communities", "--bad-actors" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
