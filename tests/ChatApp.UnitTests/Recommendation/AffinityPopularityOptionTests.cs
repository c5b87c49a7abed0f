using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The evaluation tool's <c>--affinity-popularity</c> option (<see cref="RecommenderOptions.AffinityPopularityExponent"/>).</summary>
public sealed class AffinityPopularityOptionTests
{
    [Fact]
    public void The_option_sets_the_exponent_and_its_absence_keeps_the_services_default()
    {
        var given = EvalArguments.Parse(["--folds", "somewhere", "--affinity-popularity", "0.35"], out var error);
        var absent = EvalArguments.Parse(["--folds", "somewhere"], out _);

        Assert.Null(error);
        Assert.Equal(0.35, given!.Options.AffinityPopularityExponent);
        Assert.Equal(new RecommenderOptions().AffinityPopularityExponent, absent!.Options.AffinityPopularityExponent);
        Assert.Equal(0.1, new RecommenderOptions().AffinityPopularityExponent);
    }

    [Fact]
    public async Task Help_lists_it_and_a_non_numeric_value_is_refused_with_exit_2()
    {
        var (helpExit, help, _) = await EvalToolProcess.RunAsync("--help");
        var (exitCode, output, error) = await EvalToolProcess.RunAsync("--folds", "somewhere", "--affinity-popularity", "strong");

        Assert.Equal(0, helpExit);
        Assert.Contains("--affinity-popularity X", help, StringComparison.Ordinal);
        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.Trim());
        Assert.StartsWith("error: --affinity-popularity needs a number, got 'strong'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
