using System.Diagnostics;
using System.Globalization;
using ChatApp.Modules.Recommendation.Model;

/// <summary>
/// <c>--bench FILE [--top N] [--scale MIN,MAX,NEUTRAL] [--affinity-max-ratees N] [--epochs N] [--factors N] [--blend-implicit-weight X]</c>: what the
/// service's training job does, timed: load the ratings, train the recommender, compute every rater's top N through
/// <see cref="Recommender.RecommendAll"/> (never themselves). Prints the time per stage, the peak working set, the
/// candidate coverage (share of the not-distrusted ratees in at least one list) and the distrusted share of the slots
/// (must be 0). Returns null when done, else the reason it refused (the caller prints it with the usage and exits 2).
/// </summary>
internal static class BenchCommand
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "--bench", "--top", "--scale", "--affinity-max-ratees", "--epochs", "--factors", "--blend-implicit-weight",
    };

    public static string? Run(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < args.Length; n++)
        {
            var name = args[n];
            if (!Known.Contains(name))
            {
                return $"unknown option '{name}' with --bench (it takes --top, --scale, --affinity-max-ratees, --epochs, --factors, --blend-implicit-weight)";
            }

            if (n + 1 >= args.Length || args[n + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return $"{name} needs a value";
            }

            if (!values.TryAdd(name, args[++n]))
            {
                return $"{name} is given twice";
            }
        }

        var whole = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in new[] { "--top", "--affinity-max-ratees", "--epochs", "--factors" })
        {
            if (values.TryGetValue(name, out var text))
            {
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
                {
                    return $"{name} needs a whole number of at least 1, got '{text}'";
                }

                whole[name] = value;
            }
        }

        double? blendWeight = null;
        if (values.TryGetValue("--blend-implicit-weight", out var blendText))
        {
            if (!double.TryParse(blendText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                return $"--blend-implicit-weight needs a number of at least 0, got '{blendText}'";
            }

            blendWeight = weight;
        }

        var scale = RatingScale.OneToFive;
        if (values.TryGetValue("--scale", out var scaleText))
        {
            var numbers = scaleText.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (numbers.Length != 3 || numbers.Any(double.IsNaN))
            {
                return $"--scale needs MIN,MAX,NEUTRAL (three numbers), got '{scaleText}'";
            }

            if (RatingScale.Problem(numbers[0], numbers[1], numbers[2]) is { } problem)
            {
                return "--scale: " + problem;
            }

            scale = new RatingScale(numbers[0], numbers[1], numbers[2]);
        }

        var top = whole.GetValueOrDefault("--top", 50);
        var defaults = new RecommenderOptions();
        var options = defaults with
        {
            AffinityMaxRatees = whole.GetValueOrDefault("--affinity-max-ratees", defaults.AffinityMaxRatees),
            BlendImplicitWeight = blendWeight ?? defaults.BlendImplicitWeight,
            Factorization = defaults.Factorization with
            {
                Epochs = whole.GetValueOrDefault("--epochs", defaults.Factorization.Epochs),
                Factors = whole.GetValueOrDefault("--factors", defaults.Factorization.Factors),
            },
        };

        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var ratings = Load(values["--bench"], scale, out var error);
        if (ratings is null)
        {
            return error;
        }

        var data = RatingData<int>.From(ratings, scale);
        ratings = null;
        var load = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded {data.Count} ratings, {data.Raters.Length} raters, {data.Ratees.Length} ratees in {load:F1} s"));

        watch.Restart();
        var model = Recommender.Train(data, options);
        var train = watch.Elapsed.TotalSeconds;
        watch.Restart();

        var raterIds = data.Raters;
        var rateeIds = data.Ratees;
        var covered = new bool[rateeIds.Length];
        long slots = 0, distrustedSlots = 0;
        var raters = 0;
        var full = 0;
        foreach (var (rater, list) in model.RecommendAll(top, (u, i) => raterIds[u] != rateeIds[i], CancellationToken.None))
        {
            raters++;
            full += list.Length >= top ? 1 : 0;
            foreach (var (ratee, _) in list)
            {
                slots++;
                covered[ratee] = true;
                distrustedSlots += model.IsDistrusted(ratee) ? 1 : 0;
            }
        }

        var recommend = watch.Elapsed.TotalSeconds;
        var eligible = Enumerable.Range(0, rateeIds.Length).Count(i => !model.IsDistrusted(i));
        var coveredEligible = Enumerable.Range(0, rateeIds.Length).Count(i => covered[i] && !model.IsDistrusted(i));
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64 / (1024.0 * 1024.0);

        Console.WriteLine();
        Console.WriteLine("| stage | seconds |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| load | {load:F1} |"));
        foreach (var (stage, seconds) in model.Stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| train: {stage} | {seconds:F1} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| train (wall) | {train:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| recommend top {top} for every rater | {recommend:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| train + recommend | {train + recommend:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {total.Elapsed.TotalSeconds:F1} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validation RMSE of the blend {model.ValidationRmse:F4}; candidates: {model.CandidateSource}; {raters} raters, {full} with a full list of {top}, {slots} slots; " +
            $"coverage {coveredEligible}/{eligible} = {coveredEligible / (double)Math.Max(1, eligible):P2} of the not-distrusted ratees; " +
            $"distrusted share {distrustedSlots / (double)Math.Max(1, slots):P2}; peak working set {peak:F0} MiB; " +
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        return null;
    }

    /// <summary>The ratings with ids mapped to whole numbers as they stream in (one string per distinct id, not per line).</summary>
    private static List<(int, int, double)>? Load(string path, RatingScale scale, out string? error)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return RatingFiles.Read(path, scale, id => ids.TryGetValue(id, out var n) ? n : ids[id] = ids.Count, out error);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
