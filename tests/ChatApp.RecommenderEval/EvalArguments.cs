using System.Globalization;
using ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The evaluation tool's command line, parsed without exceptions: <see cref="Parse"/> gives the arguments or a one-line
/// reason (unknown option, missing or non-numeric value, no or two data sources, an invalid scale).
/// </summary>
internal sealed class EvalArguments
{
    /// <summary>Options that take a value, and whether it must be numeric.</summary>
    private static readonly Dictionary<string, ValueKind> Valued = new(StringComparer.Ordinal)
    {
        ["--folds"] = ValueKind.Text,
        ["--pattern"] = ValueKind.Text,
        ["--count"] = ValueKind.Integer,
        ["--train"] = ValueKind.Text,
        ["--test"] = ValueKind.Text,
        ["--ratings"] = ValueKind.Text,
        ["--kfold"] = ValueKind.Integer,
        ["--split"] = ValueKind.Text,
        ["--test-share"] = ValueKind.Number,
        ["--bootstrap"] = ValueKind.Integer,
        ["--seed"] = ValueKind.Integer,
        ["--scale"] = ValueKind.Text,
        ["--factors"] = ValueKind.Integer,
        ["--epochs"] = ValueKind.Integer,
        ["--lr"] = ValueKind.Number,
        ["--reg"] = ValueKind.Number,
        ["--affinity-lambda"] = ValueKind.Number,
        ["--disliked-weight"] = ValueKind.Number,
        ["--affinity-min-ratings"] = ValueKind.Integer,
        ["--liking-exponent"] = ValueKind.Number,
        ["--affinity-popularity"] = ValueKind.Number,
        ["--affinity-max-ratees"] = ValueKind.Integer,
        ["--implicit-damping"] = ValueKind.Number,
        ["--implicit-lambda"] = ValueKind.Number,
        ["--implicit-alpha"] = ValueKind.Number,
        ["--blend-implicit-weight"] = ValueKind.Number,
        ["--blend-implicit-factors"] = ValueKind.Integer,
        ["--blend-implicit-iterations"] = ValueKind.Integer,
        ["--blend-implicit-lambda"] = ValueKind.Number,
        ["--blend-implicit-alpha"] = ValueKind.Number,
        ["--exposure-raters"] = ValueKind.Integer,
        ["--exposure-share"] = ValueKind.Number,
        ["--exposure-max-doubt"] = ValueKind.Number,
        ["--prior-weight"] = ValueKind.Number,
        ["--distrust-confidence"] = ValueKind.Number,
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--tune", "--sequential", "--help", "-h" };

    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    private EvalArguments(Dictionary<string, string> values, HashSet<string> flags, RatingScale scale, RecommenderOptions options)
    {
        _values = values;
        _flags = flags;
        Scale = scale;
        Options = options;
    }

    private enum ValueKind
    {
        Text,
        Integer,
        Number,
    }

    public RatingScale Scale { get; }

    public RecommenderOptions Options { get; }

    public bool Help => _flags.Contains("--help") || _flags.Contains("-h");

    public bool Tune => _flags.Contains("--tune");

    public bool Sequential => _flags.Contains("--sequential");

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int? Integer(string name) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    /// <summary>The share of ratings held out by --split (default 0.2).</summary>
    public double TestShare => _values.TryGetValue("--test-share", out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : 0.2;

    /// <summary>Bootstrap resamples for the intervals (default 1000; 0: no intervals).</summary>
    public int BootstrapSamples => Integer("--bootstrap") ?? Bootstrap.DefaultSamples;

    /// <summary>The seed of the random splits and of the bootstrap (default 3).</summary>
    public int Seed => Integer("--seed") ?? 3;

    public static EvalArguments? Parse(string[] args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < args.Length; n++)
        {
            var name = args[n];
            if (Flags.Contains(name))
            {
                flags.Add(name);
                continue;
            }

            if (!Valued.TryGetValue(name, out var kind))
            {
                error = $"unknown option '{name}'";
                return null;
            }

            if (n + 1 >= args.Length || args[n + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value";
                return null;
            }

            var value = args[++n];
            var numeric = kind switch
            {
                ValueKind.Integer => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                ValueKind.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
                _ => true,
            };
            if (!numeric)
            {
                error = $"{name} needs {(kind == ValueKind.Integer ? "a whole number" : "a number")}, got '{value}'";
                return null;
            }

            if (!values.TryAdd(name, value))
            {
                error = $"{name} is given twice";
                return null;
            }
        }

        var scale = RatingScale.OneToFive;
        if (values.TryGetValue("--scale", out var text))
        {
            var parts = text.Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (parts.Length != 3 || numbers.Any(double.IsNaN))
            {
                error = $"--scale needs MIN,MAX,NEUTRAL (three numbers), got '{text}'";
                return null;
            }

            if (RatingScale.Problem(numbers[0], numbers[1], numbers[2]) is { } problem)
            {
                error = "--scale: " + problem;
                return null;
            }

            scale = new RatingScale(numbers[0], numbers[1], numbers[2]);
        }

        var sources = new[] { "--folds", "--train", "--ratings" }.Count(values.ContainsKey);
        error = flags.Contains("--help") || flags.Contains("-h") ? null
            : sources == 0 ? "no data: give --folds DIR, --train FILE --test FILE, or --ratings FILE with --kfold K or --split time|random"
            : sources > 1 ? "give only one of --folds, --train/--test and --ratings"
            : values.ContainsKey("--train") != values.ContainsKey("--test") ? "--train and --test go together"
            : values.TryGetValue("--split", out var split) && split is not ("time" or "random") ? $"--split needs time or random, got '{split}'"
            : (values.ContainsKey("--split") || values.ContainsKey("--test-share")) && !values.ContainsKey("--ratings") ? "--split and --test-share go with --ratings FILE"
            : values.ContainsKey("--split") && values.ContainsKey("--kfold") ? "give either --kfold K or --split, not both"
            : values.ContainsKey("--test-share") && !values.ContainsKey("--split") ? "--test-share goes with --split time|random"
            : values.TryGetValue("--test-share", out var share) && !(double.Parse(share, CultureInfo.InvariantCulture) is > 0 and < 1) ? "--test-share must lie between 0 and 1"
            : values.ContainsKey("--ratings") && !values.ContainsKey("--split") && !(values.TryGetValue("--kfold", out var k) && int.Parse(k, CultureInfo.InvariantCulture) > 1) ? "--ratings needs --kfold K with K at least 2, or --split time|random"
            : values.TryGetValue("--bootstrap", out var b) && int.Parse(b, CultureInfo.InvariantCulture) < 0 ? "--bootstrap must be 0 (no intervals) or more"
            : values.TryGetValue("--count", out var c) && int.Parse(c, CultureInfo.InvariantCulture) < 1 ? "--count must be at least 1"
            : values.TryGetValue("--pattern", out var p) && p.Split(',').Length != 2 ? "--pattern needs TRAIN,TEST (two file name patterns with {0} for the fold)"
            : values.TryGetValue("--distrust-confidence", out var q) && !(double.Parse(q, CultureInfo.InvariantCulture) is > 0.5 and < 1) ? "--distrust-confidence must lie between 0.5 and 1"
            : values.TryGetValue("--blend-implicit-weight", out var bw) && double.Parse(bw, CultureInfo.InvariantCulture) < 0 ? "--blend-implicit-weight must be 0 (EASE alone) or more"
            : new[] { "--blend-implicit-factors", "--blend-implicit-iterations" }.FirstOrDefault(o => values.TryGetValue(o, out var v) && int.Parse(v, CultureInfo.InvariantCulture) < 1) is { } small ? $"{small} must be at least 1"
            : null;
        if (error is not null)
        {
            return null;
        }

        var defaults = new RecommenderOptions();
        double? Number(string name) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : null;
        int? Whole(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        var options = defaults with
        {
            Factorization = defaults.Factorization with
            {
                Factors = Whole("--factors") ?? defaults.Factorization.Factors,
                Epochs = Whole("--epochs") ?? defaults.Factorization.Epochs,
                LearningRate = Number("--lr") ?? defaults.Factorization.LearningRate,
                Regularization = Number("--reg") ?? defaults.Factorization.Regularization,
            },
            AffinityRegularization = Number("--affinity-lambda") ?? defaults.AffinityRegularization,
            DislikedWeight = Number("--disliked-weight") ?? defaults.DislikedWeight,
            AffinityMinRatings = Whole("--affinity-min-ratings") ?? defaults.AffinityMinRatings,
            LikingExponent = Number("--liking-exponent") ?? defaults.LikingExponent,
            AffinityPopularityExponent = Number("--affinity-popularity") ?? defaults.AffinityPopularityExponent,
            AffinityMaxRatees = Whole("--affinity-max-ratees") ?? defaults.AffinityMaxRatees,
            ImplicitDamping = Number("--implicit-damping") ?? defaults.ImplicitDamping,
            ImplicitRegularization = Number("--implicit-lambda") ?? defaults.ImplicitRegularization,
            ImplicitConfidence = Number("--implicit-alpha") ?? defaults.ImplicitConfidence,
            BlendImplicitWeight = Number("--blend-implicit-weight") ?? defaults.BlendImplicitWeight,
            BlendImplicitFactorCount = Whole("--blend-implicit-factors") ?? defaults.BlendImplicitFactorCount,
            BlendImplicitIterations = Whole("--blend-implicit-iterations") ?? defaults.BlendImplicitIterations,
            BlendImplicitRegularization = Number("--blend-implicit-lambda") ?? defaults.BlendImplicitRegularization,
            BlendImplicitConfidence = Number("--blend-implicit-alpha") ?? defaults.BlendImplicitConfidence,
            ExposureRaters = Whole("--exposure-raters") ?? defaults.ExposureRaters,
            ExposureShare = Number("--exposure-share") ?? defaults.ExposureShare,
            ExposureMaxDoubt = Number("--exposure-max-doubt") ?? defaults.ExposureMaxDoubt,
            PriorWeight = Number("--prior-weight") ?? defaults.PriorWeight,
            DistrustConfidence = Number("--distrust-confidence") ?? defaults.DistrustConfidence,
        };
        return new EvalArguments(values, flags, scale, options);
    }
}
