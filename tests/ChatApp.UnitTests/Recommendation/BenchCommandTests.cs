namespace ChatApp.UnitTests.Recommendation;

/// <summary>The evaluation tool's <c>--bench</c> as people run it: train and recommend for everyone, timed, on a generated network.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recommender-bench-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Bench_prints_the_stages_coverage_and_a_zero_distrusted_share_with_implicit_candidates()
    {
        var network = Path.Combine(_directory, "network.tsv");
        Assert.Equal(0, (await EvalToolProcess.RunAsync("--generate", network, "--people", "600", "--ratings", "8000", "--seed", "2", "--communities", "4")).ExitCode);

        var (exitCode, output, error) = await EvalToolProcess.RunAsync("--bench", network, "--top", "20", "--scale", "-10,10,0", "--affinity-max-ratees", "100", "--epochs", "5");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.Trim());
        foreach (var stage in new[] { "| load |", "| train: implicit factors |", "| train: parts on all ratings |", "| recommend top 20 for every rater |", "| total |" })
        {
            Assert.Contains(stage, output, StringComparison.Ordinal);
        }

        Assert.Contains("candidates: implicit factors", output, StringComparison.Ordinal);
        Assert.Contains("distrusted share 0.00 %", output, StringComparison.Ordinal);
        Assert.Matches(@"coverage \d+/\d+ = [\d.]+ % of the not-distrusted ratees", output);
        Assert.Matches(@"peak working set \d+ MiB", output);
    }

    [Theory]
    [InlineData("--top needs a whole number of at least 1, got '0'", new[] { "--bench", "x.tsv", "--top", "0" })]
    [InlineData("unknown option '--kfold' with --bench", new[] { "--bench", "x.tsv", "--kfold", "3" })]
    [InlineData("--bench needs a value", new[] { "--bench" })]
    [InlineData("no such file: /nonexistent/x.tsv", new[] { "--bench", "/nonexistent/x.tsv" })]
    [InlineData("--scale needs MIN,MAX,NEUTRAL", new[] { "--bench", "x.tsv", "--scale", "1,5" })]
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
    public async Task Help_lists_the_bench_options()
    {
        var (exitCode, output, _) = await EvalToolProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--bench FILE", "--top N", "--affinity-max-ratees N" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
