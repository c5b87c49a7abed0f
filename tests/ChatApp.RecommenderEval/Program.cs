using System.Diagnostics;
using System.Globalization;
using ChatApp.Modules.Recommendation.Model;

// Offline evaluation of the recommender (docs/performance.md, docs/recommendation.md). See Usage below.
const string Usage = """
    usage: ChatApp.RecommenderEval --folds DIR [--pattern u{0}.base,u{0}.test] [--count 5]
           ChatApp.RecommenderEval --train FILE --test FILE
           ChatApp.RecommenderEval --ratings FILE --kfold K
      files: rater, ratee, rating[, timestamp], tab- or comma-separated, any numeric scale
      --factors N --epochs N --lr X --reg X   matrix factorisation hyper-parameters (defaults: the service's)
      --affinity-lambda X --disliked-weight X --affinity-min-ratings N --liking-exponent X   ranking hyper-parameters
      --tune        choose factors/regularisation and the ranking's λ, disliked weight and liking exponent on a
                    validation slice of each training set (never the test)
      --sequential  one fold at a time (default: folds in parallel, one per core)
    """;

var options = Options(args);
if (options is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var folds = Folds(args).ToList();
if (folds.Count == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var total = Stopwatch.StartNew();
var results = new FoldResult[folds.Count];
var parallelism = args.Contains("--sequential") ? 1 : Environment.ProcessorCount;
Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, n =>
{
    var (name, train, test) = folds[n]();
    results[n] = RunFold(name, train, test, args.Contains("--tune") ? Tune(train, options) : options);
});
var elapsed = total.Elapsed;

Console.WriteLine();
Console.WriteLine("| fold | model | RMSE | MAE | P@10 | R@10 | NDCG@10 | fit s | predict s |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var fold in results)
{
    foreach (var (model, r, fit, predict) in fold.Rows)
    {
        Console.WriteLine(Line(fold.Name, model, r, fit, predict));
    }
}

foreach (var model in results[0].Rows.Select(r => r.Model))
{
    var rows = results.Select(f => f.Rows.Single(r => r.Model == model)).ToList();
    var mean = new EvaluationResult(rows.Average(r => r.Result.Rmse), rows.Average(r => r.Result.Mae), rows.Average(r => r.Result.PrecisionAt10),
        rows.Average(r => r.Result.RecallAt10), rows.Average(r => r.Result.NdcgAt10), rows.Sum(r => r.Result.RankedRaters));
    Console.WriteLine(Line("**mean**", model, mean, rows.Average(r => r.Fit), rows.Average(r => r.Predict)));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{folds.Count} fold(s), all models trained and evaluated in {elapsed.TotalSeconds:F2} s wall clock on {parallelism} thread(s); " +
    $"recommender: factors {options.Factorization.Factors}, epochs {options.Factorization.Epochs}, lr {options.Factorization.LearningRate}, reg {options.Factorization.Regularization}"));
return 0;

static FoldResult RunFold(string name, List<(string, string, double)> train, List<(string, string, double)> test, RecommenderOptions options)
{
    var data = RatingData<string>.From(train);
    var rows = new List<(string, EvaluationResult, double, double)>();

    // Most popular: ratees by number of ratings; predicts the global mean.
    var watch = Stopwatch.StartNew();
    var counts = new int[data.Ratees.Length];
    foreach (var i in data.RateeIndex)
    {
        counts[i]++;
    }

    var mean = data.Values.Average(v => (double)v);
    var popular = Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i]).ToArray();
    var fit = watch.Elapsed.TotalSeconds;
    watch.Restart();
    var result = Evaluation.Evaluate(data, test, (_, _) => mean, (_, n, allowed) => popular.Where(allowed).Take(n).ToList());
    rows.Add(("most popular", result, fit, watch.Elapsed.TotalSeconds));

    // Biases only.
    watch.Restart();
    var baseline = Baseline.Train(data);
    fit = watch.Elapsed.TotalSeconds;
    watch.Restart();
    var byBias = Enumerable.Range(0, counts.Length).OrderByDescending(i => baseline.RateeBias[i]).ToArray();
    result = Evaluation.Evaluate(data, test, baseline.Predict, (_, n, allowed) => byBias.Where(allowed).Take(n).ToList());
    rows.Add(("biases only", result, fit, watch.Elapsed.TotalSeconds));

    // The service's recommender.
    watch.Restart();
    var model = Recommender.Train(data, options);
    fit = watch.Elapsed.TotalSeconds;
    watch.Restart();
    result = Evaluation.Evaluate(data, test, model.Predict, (u, n, allowed) => model.Recommend(u, n, allowed).Select(r => r.Ratee).ToList());
    rows.Add(("recommender (MF blend)", result, fit, watch.Elapsed.TotalSeconds));
    Console.WriteLine($"{name}: blend weights {string.Join(" ", model.BlendWeights.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))}");
    return new FoldResult(name, rows);
}

/// <summary>
/// Grid search on a validation slice (10%) of the training ratings — never the test set: the factorisation's size and
/// regularisation by validation RMSE, then the ranking's affinity λ, disliked weight and liking exponent by validation P@10.
/// </summary>
static RecommenderOptions Tune(List<(string, string, double)> train, RecommenderOptions options)
{
    var random = new Random(11);
    var split = train.Select(r => (Rating: r, Validation: random.NextDouble() < 0.1)).ToList();
    var inner = split.Where(s => !s.Validation).Select(s => s.Rating).ToList();
    var validation = split.Where(s => s.Validation).Select(s => s.Rating).ToList();
    var data = RatingData<string>.From(inner, train.Min(r => r.Item3), train.Max(r => r.Item3));
    var best = (Rmse: double.MaxValue, Options: options);
    foreach (var factors in new[] { 10, 20, 40 })
    {
        foreach (var reg in new[] { 0.02, 0.04 })
        {
            var candidate = options with { Factorization = options.Factorization with { Factors = factors, Regularization = reg } };
            var model = MatrixFactorization.Train(data, candidate.Factorization);
            var result = Evaluation.Evaluate(data, validation, model.Predict, (_, _, _) => []);
            if (result.Rmse < best.Rmse)
            {
                best = (result.Rmse, candidate);
            }
        }
    }

    var bestRanking = (Precision: -1.0, Options: best.Options);
    foreach (var lambda in new[] { 150.0, 300.0, 600.0 })
    {
        foreach (var (disliked, exponent) in new[] { (0.5, 0.5), (0.5, 2.0), (0.25, 0.5), (1.0, 0.5) })
        {
            var candidate = best.Options with { AffinityRegularization = lambda, DislikedWeight = disliked, LikingExponent = exponent };
            var model = Recommender.Train(data, candidate);
            var result = Evaluation.Evaluate(data, validation, model.Predict, (u, n, allowed) => model.Recommend(u, n, allowed).Select(r => r.Ratee).ToList());
            if (result.PrecisionAt10 > bestRanking.Precision)
            {
                bestRanking = (result.PrecisionAt10, candidate);
            }
        }
    }

    var chosen = bestRanking.Options;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"tuned on a validation slice: factors {chosen.Factorization.Factors}, reg {chosen.Factorization.Regularization} (validation RMSE {best.Rmse:F4}); " +
        $"affinity λ {chosen.AffinityRegularization}, disliked weight {chosen.DislikedWeight}, liking exponent {chosen.LikingExponent} (validation P@10 {bestRanking.Precision:F4})"));
    return chosen;
}

static string Line(string fold, string model, EvaluationResult r, double fit, double predict) => string.Create(CultureInfo.InvariantCulture,
    $"| {fold} | {model} | {r.Rmse:F4} | {r.Mae:F4} | {r.PrecisionAt10:F4} | {r.RecallAt10:F4} | {r.NdcgAt10:F4} | {fit:F2} | {predict:F2} |");

static RecommenderOptions? Options(string[] args)
{
    var defaults = new MatrixFactorizationOptions();
    try
    {
        return new RecommenderOptions
        {
            Factorization = defaults with
            {
                Factors = Int(args, "--factors") ?? defaults.Factors,
                Epochs = Int(args, "--epochs") ?? defaults.Epochs,
                LearningRate = Double(args, "--lr") ?? defaults.LearningRate,
                Regularization = Double(args, "--reg") ?? defaults.Regularization,
            },
            AffinityRegularization = Double(args, "--affinity-lambda") ?? new RecommenderOptions().AffinityRegularization,
            DislikedWeight = Double(args, "--disliked-weight") ?? new RecommenderOptions().DislikedWeight,
            AffinityMinRatings = Int(args, "--affinity-min-ratings") ?? new RecommenderOptions().AffinityMinRatings,
            LikingExponent = Double(args, "--liking-exponent") ?? new RecommenderOptions().LikingExponent,
        };
    }
    catch (FormatException)
    {
        return null;
    }
}

static IEnumerable<Func<(string, List<(string, string, double)>, List<(string, string, double)>)>> Folds(string[] args)
{
    if (Value(args, "--folds") is { } directory)
    {
        var pattern = (Value(args, "--pattern") ?? "u{0}.base,u{0}.test").Split(',');
        var count = Int(args, "--count") ?? 5;
        for (var n = 1; n <= count; n++)
        {
            var fold = n;
            yield return () => ($"{string.Format(CultureInfo.InvariantCulture, pattern[0], fold)}",
                Read(Path.Combine(directory, string.Format(CultureInfo.InvariantCulture, pattern[0], fold))),
                Read(Path.Combine(directory, string.Format(CultureInfo.InvariantCulture, pattern[1], fold))));
        }
    }
    else if (Value(args, "--train") is { } train && Value(args, "--test") is { } test)
    {
        yield return () => (Path.GetFileName(test), Read(train), Read(test));
    }
    else if (Value(args, "--ratings") is { } file && Int(args, "--kfold") is { } k and > 1)
    {
        var all = Read(file);
        var random = new Random(3);
        var assignment = all.Select(_ => random.Next(k)).ToArray();
        for (var n = 0; n < k; n++)
        {
            var fold = n;
            yield return () => ($"fold {fold + 1}/{k}",
                all.Where((_, i) => assignment[i] != fold).ToList(),
                all.Where((_, i) => assignment[i] == fold).ToList());
        }
    }
}

static List<(string, string, double)> Read(string path) => File.ReadLines(path)
    .Where(line => line.Trim().Length > 0)
    .Select(line => line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ','))
    .Where(parts => parts.Length >= 3 && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) // skips a header line
    .Select(parts => (parts[0].Trim(), parts[1].Trim(), double.Parse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture)))
    .ToList();

static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static int? Int(string[] args, string name) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

static double? Double(string[] args, string name) => Value(args, name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

internal sealed record FoldResult(string Name, List<(string Model, EvaluationResult Result, double Fit, double Predict)> Rows);
