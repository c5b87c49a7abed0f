using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The evaluation tool's <c>--blend-implicit-*</c> options (<see cref="RecommenderOptions.BlendImplicitWeight"/> and its factors).</summary>
public sealed class BlendImplicitOptionTests
{
    [Fact]
    public void The_options_set_the_blend_and_their_absence_keeps_the_services_defaults()
    {
        var given = EvalArguments.Parse(
            ["--folds", "somewhere", "--blend-implicit-weight", "0.5", "--blend-implicit-factors", "16", "--blend-implicit-iterations", "4",
             "--blend-implicit-lambda", "12.5", "--blend-implicit-alpha", "7"], out var error);
        var absent = EvalArguments.Parse(["--folds", "somewhere"], out _);
        var defaults = new RecommenderOptions();

        Assert.Null(error);
        Assert.Equal((0.5, 16, 4, 12.5, 7.0), (given!.Options.BlendImplicitWeight, given.Options.BlendImplicitFactorCount,
            given.Options.BlendImplicitIterations, given.Options.BlendImplicitRegularization, given.Options.BlendImplicitConfidence));
        Assert.Equal(defaults, absent!.Options);
        Assert.Equal((2.0, 64, 12, 30.0, 3.0), (defaults.BlendImplicitWeight, defaults.BlendImplicitFactorCount,
            defaults.BlendImplicitIterations, defaults.BlendImplicitRegularization, defaults.BlendImplicitConfidence));
    }

    [Theory]
    [InlineData("--blend-implicit-weight", "-1", "--blend-implicit-weight must be 0 (EASE alone) or more")]
    [InlineData("--blend-implicit-factors", "0", "--blend-implicit-factors must be at least 1")]
    [InlineData("--blend-implicit-iterations", "0", "--blend-implicit-iterations must be at least 1")]
    [InlineData("--blend-implicit-alpha", "lots", "--blend-implicit-alpha needs a number, got 'lots'")]
    public async Task A_bad_value_is_refused_with_exit_2_and_help_lists_them(string option, string value, string message)
    {
        var (helpExit, help, _) = await EvalToolProcess.RunAsync("--help");
        var (exitCode, output, error) = await EvalToolProcess.RunAsync("--folds", "somewhere", option, value);

        Assert.Equal(0, helpExit);
        Assert.Contains(option, help, StringComparison.Ordinal);
        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output.Trim());
        Assert.StartsWith("error: " + message, error, StringComparison.Ordinal);
    }
}
