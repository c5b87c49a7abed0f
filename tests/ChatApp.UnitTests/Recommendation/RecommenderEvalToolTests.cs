using System.Globalization;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The evaluation tool as people run it: a process with arguments, an exit code, stdout and stderr.</summary>
public sealed class RecommenderEvalToolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("recommender-eval-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Help_lists_every_option_and_exits_0()
    {
        var (exitCode, output, error) = await EvalToolProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.Trim());
        foreach (var option in new[]
                 {
                     "--folds", "--pattern", "--count", "--train", "--test", "--ratings", "--kfold", "--scale", "--factors", "--epochs", "--lr", "--reg",
                     "--affinity-lambda", "--disliked-weight", "--affinity-min-ratings", "--liking-exponent", "--prior-weight", "--distrust-confidence",
                     "--tune", "--sequential", "--help", "--split", "--test-share", "--bootstrap", "--seed",
                 })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string[]> BadArguments => new()
    {
        { "unknown option '--bogus'", ["--bogus"] },
        { "--train needs a value", ["--train"] },
        { "--factors needs a whole number, got 'ten'", ["--ratings", "x.csv", "--kfold", "3", "--factors", "ten"] },
        { "--lr needs a number, got '0,01x'", ["--folds", "somewhere", "--lr", "0,01x"] },
        { "no data", [] },
        { "--train and --test go together", ["--train", "a.csv"] },
        { "--ratings needs --kfold K", ["--ratings", "a.csv"] },
        { "--scale needs MIN,MAX,NEUTRAL", ["--ratings", "a.csv", "--kfold", "3", "--scale", "1,5"] },
        { "the rating scale needs minimum < neutral < maximum", ["--ratings", "a.csv", "--kfold", "3", "--scale", "1,5,7"] },
        { "no such file: /nonexistent/ratings.csv", ["--ratings", "/nonexistent/ratings.csv", "--kfold", "3"] },
        { "no such directory: /nonexistent", ["--folds", "/nonexistent"] },
        { "--split needs time or random, got 'later'", ["--ratings", "a.csv", "--split", "later"] },
        { "--test-share must lie between 0 and 1", ["--ratings", "a.csv", "--split", "time", "--test-share", "1.5"] },
        { "give either --kfold K or --split, not both", ["--ratings", "a.csv", "--split", "time", "--kfold", "3"] },
        { "--split and --test-share go with --ratings FILE", ["--train", "a.csv", "--test", "b.csv", "--split", "time"] },
        { "--bootstrap must be 0 (no intervals) or more", ["--ratings", "a.csv", "--split", "random", "--bootstrap", "-1"] },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_print_a_reason_and_the_usage_to_stderr_and_exit_2(string reason, string[] arguments)
    {
        var (exitCode, output, error) = await EvalToolProcess.RunAsync(arguments);

        AssertRefused(exitCode, output, error, reason);
    }

    [Fact]
    public async Task Unreadable_and_malformed_files_are_refused_with_exit_2()
    {
        var binary = Path.Combine(_directory, "binary.dat");
        await File.WriteAllBytesAsync(binary, [0xff, 0xfe, 0x00, 0x01, 0x0a, 0x00, 0x9c, 0x0a]);
        var offScale = Path.Combine(_directory, "signed.csv");
        await File.WriteAllLinesAsync(offScale, ["a,b,-7", "b,a,9"]);
        var empty = Path.Combine(_directory, "empty.csv");
        await File.WriteAllTextAsync(empty, "rater,ratee,rating\n");

        AssertRefused(await EvalToolProcess.RunAsync("--ratings", _directory, "--kfold", "3"), "is a directory, not a ratings file");
        AssertRefused(await EvalToolProcess.RunAsync("--ratings", binary, "--kfold", "3"), "expected rater, ratee, rating");
        AssertRefused(await EvalToolProcess.RunAsync("--ratings", offScale, "--kfold", "3"), "lies outside the scale 1..5, neutral 3");
        AssertRefused(await EvalToolProcess.RunAsync("--ratings", empty, "--kfold", "3"), "no ratings in");
    }

    [Fact]
    public async Task A_signed_scale_is_evaluated_with_the_distrusted_share_and_tune_prints_what_it_chose_per_fold()
    {
        // Two communities on −10..+10 who mostly rate their own (+4..+10) and sometimes the other (−6..+4), and two
        // bad actors whom most people rate −10..−6.
        var random = new Random(12);
        var lines = new List<string> { "rater,ratee,rating" };
        for (var u = 0; u < 60; u++)
        {
            for (var i = 0; i < 40; i++)
            {
                var own = (u < 30) == (i < 20);
                if (random.NextDouble() < (own ? 0.5 : 0.15))
                {
                    var value = own ? random.Next(4, 11) : random.Next(-6, 5);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"u{u},p{i},{value}"));
                }
            }

            foreach (var bad in new[] { "bad1", "bad2" })
            {
                if (random.NextDouble() < 0.7)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"u{u},{bad},{random.Next(-10, -5)}"));
                }
            }
        }

        var file = Path.Combine(_directory, "signed.csv");
        await File.WriteAllLinesAsync(file, lines);

        var (exitCode, output, error) = await EvalToolProcess.RunAsync("--ratings", file, "--kfold", "2", "--scale", "-10,10,0", "--tune", "--sequential");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Contains("| coverage | distrusted |", output, StringComparison.Ordinal);
        Assert.Contains("scale -10..10, neutral 0", output, StringComparison.Ordinal);
        foreach (var fold in new[] { "fold 1/2", "fold 2/2" })
        {
            Assert.Contains($"{fold}: tuned on a validation slice: factors ", output, StringComparison.Ordinal);
            Assert.Matches($@"\| {fold} \| recommender \(MF blend\) \|.*\| 0\.00 % \|", output);
        }

        Assert.Matches(@"\| \*\*mean\*\* \| most popular \|.*\| [1-9][0-9.]* % \|", output); // the baseline does recommend the bad actors
    }

    [Fact]
    public async Task A_row_without_a_timestamp_is_refused_by_the_time_split_with_exit_2()
    {
        var file = Path.Combine(_directory, "untimed.tsv");
        await File.WriteAllLinesAsync(file, ["1\t2\t4\t100", "2\t1\t3\t200", "3\t1\t5"]);

        AssertRefused(await EvalToolProcess.RunAsync("--ratings", file, "--split", "time"), $"{file}:3: no timestamp (a whole number in the 4th column), which --split time needs");
    }

    [Fact]
    public async Task The_time_split_trains_on_the_earliest_ratings_and_prints_every_baseline_and_the_bootstrap_intervals()
    {
        // Two taste groups rating 40 ratees over time; the file is in random order, so the tool must sort by timestamp.
        var random = new Random(21);
        var lines = new List<string>();
        for (var u = 0; u < 60; u++)
        {
            for (var i = 0; i < 40; i++)
            {
                if (random.NextDouble() < 0.4)
                {
                    var value = (u < 30) == (i < 20) ? random.Next(4, 6) : random.Next(1, 4);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{u}\t{i}\t{value}\t{random.Next(1_000_000, 2_000_000)}"));
                }
            }
        }

        var file = Path.Combine(_directory, "timed.tsv");
        await File.WriteAllLinesAsync(file, lines.OrderBy(_ => random.Next()));

        var (exitCode, output, error) = await EvalToolProcess.RunAsync("--ratings", file, "--split", "time", "--test-share", "0.2", "--bootstrap", "200", "--sequential");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Matches(@"time split, test share 0\.(19|20|21)", output);
        foreach (var model in new[] { "most popular", "biases only", "plain SVD", "recommender \\(MF blend\\)" })
        {
            Assert.Matches($@"\| time split[^|]*\| {model} \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ % \|", output);
        }

        Assert.Contains("Recommender − biases-only, estimate [95% interval] (paired percentile bootstrap, 200 resamples, seed 3)", output, StringComparison.Ordinal);
        Assert.Matches(@"\| time split[^|]*( \| [+-][0-9.]+ \[[+-][0-9.]+, [+-][0-9.]+\]){4} \|", output);
    }

    private static void AssertRefused((int ExitCode, string Output, string Error) run, string reason) => AssertRefused(run.ExitCode, run.Output, run.Error, reason);

    private static void AssertRefused(int exitCode, string output, string error, string reason)
    {
        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.Trim());
        var first = error.Split('\n')[0];
        Assert.StartsWith("error: ", first, StringComparison.Ordinal);
        Assert.Contains(reason, first, StringComparison.Ordinal);
        Assert.Contains("usage: ChatApp.RecommenderEval", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
