using System.Diagnostics;
using System.Globalization;
using ChatApp.Modules.Recommendation.Model;

// Offline evaluation of the recommender (docs/performance.md, docs/recommendation.md). See Usage below.
const string BiasesRow = "biases only";
const string RecommenderRow = "recommender (MF blend)";
const string Usage = """
    usage: ChatApp.RecommenderEval --folds DIR [--pattern u{0}.base,u{0}.test] [--count 5] [options]
           ChatApp.RecommenderEval --train FILE --test FILE [options]
           ChatApp.RecommenderEval --ratings FILE --kfold K [options]
           ChatApp.RecommenderEval --ratings FILE --split time|random [--test-share 0.2] [options]
           ChatApp.RecommenderEval --help
           ChatApp.RecommenderEval --generate OUT --people N --ratings M [--seed S] [--communities C] [--bad-actors F]
           ChatApp.RecommenderEval --bench FILE [--top N] [--scale MIN,MAX,NEUTRAL] [--affinity-max-ratees N] [--epochs N] [--factors N] [--blend-implicit-weight X]
      files: rater, ratee, rating[, timestamp], tab- or comma-separated (a header line is skipped)
      --folds DIR        DIR holds the folds' files, named by --pattern (default u{0}.base,u{0}.test; {0}: 1..--count)
      --pattern P        TRAIN,TEST file name patterns of --folds
      --count N          number of folds of --folds (default 5)
      --train FILE       training ratings (with --test FILE: the test ratings)
      --ratings FILE     all ratings, split at random into --kfold K folds (K at least 2), or once by --split
      --split time       train on the earliest ratings, test on the latest --test-share of them, ordered by the
                         timestamp (4th column, a whole number; a row without one is refused); all ratings of one
                         timestamp stay on one side of the boundary
      --split random     hold out --test-share of the ratings at random (seeded by --seed)
      --test-share X     share of the ratings in the test set of --split (default 0.2)
      --bootstrap N      resamples for the 95% intervals of the model's difference from biases-only (default 1000, 0: none)
      --seed N           seed of --split random, --kfold and the bootstrap (default 3)
      --scale MIN,MAX,NEUTRAL   the rating scale (default 1,5,3); relevance ("liked") is half way from neutral to MAX,
                         "distrusted" a mean received rating below NEUTRAL; a rating off the scale is an error
      --factors N --epochs N --lr X --reg X   matrix factorisation hyper-parameters (defaults: the service's)
      --affinity-lambda X --disliked-weight X --affinity-min-ratings N --liking-exponent X   ranking hyper-parameters
      --affinity-popularity X   affinity divided by the ratee's number of ratings to the power X (default: the service's)
      --affinity-max-ratees N   EASE while there are at most N ratees (default 3000), else implicit factors over everyone
      --implicit-lambda X --implicit-alpha X --implicit-damping X   implicit factors' λ, confidence α and popularity damping β
      --blend-implicit-weight X   while EASE is the affinity, implicit factors' scores added with weight X (0: EASE alone)
      --blend-implicit-factors N --blend-implicit-iterations N --blend-implicit-lambda X --blend-implicit-alpha X
                         those implicit factors' size, ALS iterations, λ and confidence α (defaults: the service's)
      --exposure-raters N --exposure-share X --exposure-max-doubt X   exposure slots of the batch lists (0 raters: none)
      --prior-weight X   imaginary ratings at the global mean in the shrunk mean of the distrust rule (default 10)
      --distrust-confidence X   posterior probability that a recommended person's true mean is at or above NEUTRAL (default 0.9)
      --tune             choose factors/regularisation and the ranking's λ, disliked weight and liking exponent on a
                         validation slice of each training set (never the test); prints the values chosen per fold
      --sequential       one fold at a time (default: folds in parallel, one per core)
      --help, -h         this text
      --generate OUT     write a synthetic signed network instead: M ratings (−10..+10, with timestamps, at most one per
                         pair) among N people to OUT, the people (joined, community, trustworthiness, bad actor) to
                         OUT.people; power-law degrees, people joining over time, --communities C (default 8) and a
                         share --bad-actors F (default 0.05) of bad actors; --seed S (default 1) fixes the network
      --bench FILE       time what the service's training job does instead: load FILE, train, compute every rater's top
                         --top N (default 50; never themselves, never rated, never distrusted) with RecommendAll; prints
                         seconds per stage, the peak working set, candidate coverage (share of the not-distrusted ratees
                         in some list) and the distrusted share; --affinity-max-ratees N (default 3000: more ratees use
                         implicit factors instead of EASE), --epochs N, --factors N and --blend-implicit-weight X override the defaults
    output: per fold and model (most popular, biases only, plain SVD, the recommender) RMSE, MAE, P@10, R@10, NDCG@10, catalogue coverage (share of training ratees in some
      top-10) and distrusted share (share of top-10 slots going to people whose mean received rating in train+test is
      below neutral); per fold, paired percentile bootstrap 95% intervals of the recommender minus biases-only
      (RMSE, MAE over resampled test ratings; P@10, NDCG@10 over resampled ranked raters); exit 0, or 2 with a one-line reason and this text on stderr for bad arguments or files.
    """;

if (args.Contains("--generate"))
{
    return GenerateCommand.Run(args) is { } refused ? Fail(refused) : 0;
}

if (args.Contains("--bench") && !args.Contains("--help") && !args.Contains("-h"))
{
    return BenchCommand.Run(args) is { } refused ? Fail(refused) : 0;
}

var arguments = EvalArguments.Parse(args, out var problem);
if (arguments is null)
{
    return Fail(problem!);
}

if (arguments.Help)
{
    Console.WriteLine(Usage);
    return 0;
}

var scale = arguments.Scale;
var folds = Folds(arguments, scale, out problem);
if (folds is null)
{
    return Fail(problem!);
}

var options = arguments.Options;
var total = Stopwatch.StartNew();
var results = new FoldResult[folds.Count];
var parallelism = arguments.Sequential ? 1 : Environment.ProcessorCount;
Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, n =>
{
    var (name, train, test) = folds[n];
    results[n] = RunFold(name, train, test, scale, arguments.Tune ? Tune(name, train, scale, options) : options);
});
var elapsed = total.Elapsed;

Console.WriteLine();
Console.WriteLine("| fold | model | RMSE | MAE | P@10 | R@10 | NDCG@10 | coverage | distrusted | fit s | predict s |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
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
        rows.Average(r => r.Result.RecallAt10), rows.Average(r => r.Result.NdcgAt10), rows.Sum(r => r.Result.RankedRaters),
        rows.Average(r => r.Result.DistrustedShare), rows.Average(r => r.Result.Coverage));
    Console.WriteLine(Line("**mean**", model, mean, rows.Average(r => r.Fit), rows.Average(r => r.Predict)));
}

if (arguments.BootstrapSamples > 0)
{
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Recommender − biases-only, estimate [95% interval] (paired percentile bootstrap, {arguments.BootstrapSamples} resamples, seed {arguments.Seed}):"));
    Console.WriteLine("| fold | RMSE | MAE | P@10 | NDCG@10 |");
    Console.WriteLine("| --- | --- | --- | --- | --- |");
    foreach (var fold in results)
    {
        var model = fold.Rows.Single(r => r.Model == RecommenderRow).Result.Units!;
        var reference = fold.Rows.Single(r => r.Model == BiasesRow).Result.Units!;
        var samples = arguments.BootstrapSamples;
        var seed = arguments.Seed;
        Console.WriteLine($"| {fold.Name} | {Interval(Bootstrap.PairedDifference(model.SquaredErrors, reference.SquaredErrors, samples, seed, Math.Sqrt))} | " +
            $"{Interval(Bootstrap.PairedDifference(model.AbsoluteErrors, reference.AbsoluteErrors, samples, seed))} | " +
            $"{Interval(Bootstrap.PairedDifference(model.Precision, reference.Precision, samples, seed))} | " +
            $"{Interval(Bootstrap.PairedDifference(model.Ndcg, reference.Ndcg, samples, seed))} |");
    }
}

Console.WriteLine();
var hyperParameters = arguments.Tune ? "hyper-parameters tuned per fold (above)" : string.Create(CultureInfo.InvariantCulture,
    $"factors {options.Factorization.Factors}, epochs {options.Factorization.Epochs}, lr {options.Factorization.LearningRate}, reg {options.Factorization.Regularization}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{folds.Count} fold(s), all models trained and evaluated in {elapsed.TotalSeconds:F2} s wall clock on {parallelism} thread(s); scale {scale}; " +
    $"recommender: {hyperParameters}; distrust rule: prior weight {options.PriorWeight}, confidence {options.DistrustConfidence}"));
return 0;

static string Interval(BootstrapInterval i) => string.Create(CultureInfo.InvariantCulture, $"{i.Estimate:+0.0000;-0.0000} [{i.Low:+0.0000;-0.0000}, {i.High:+0.0000;-0.0000}]");

static int Fail(string reason)
{
    Console.Error.WriteLine("error: " + reason);
    Console.Error.WriteLine(Usage);
    return 2;
}

static FoldResult RunFold(string name, List<(string, string, double)> train, List<(string, string, double)> test, RatingScale scale, RecommenderOptions options)
{
    var data = RatingData<string>.From(train, scale);

    // Distrusted, for the report: a mean received rating, over training and test ratings, below neutral.
    var received = train.Concat(test).GroupBy(r => r.Item2).ToDictionary(g => g.Key, g => g.Average(r => r.Item3));
    var distrusted = data.Ratees.Select(id => received[id] < scale.Neutral).ToArray();
    Func<int, bool> isDistrusted = i => distrusted[i];
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
    var result = Evaluation.Evaluate(data, test, (_, _) => mean, (_, n, allowed) => popular.Where(allowed).Take(n).ToList(), isDistrusted);
    rows.Add(("most popular", result, fit, watch.Elapsed.TotalSeconds));

    // Biases only.
    watch.Restart();
    var baseline = Baseline.Train(data);
    fit = watch.Elapsed.TotalSeconds;
    watch.Restart();
    var byBias = Enumerable.Range(0, counts.Length).OrderByDescending(i => baseline.RateeBias[i]).ToArray();
    result = Evaluation.Evaluate(data, test, baseline.Predict, (_, n, allowed) => byBias.Where(allowed).Take(n).ToList(), isDistrusted);
    rows.Add((BiasesRow, result, fit, watch.Elapsed.TotalSeconds));

    // Plain SVD: the matrix factorisation alone (biases and factors, no implicit part, no blend, no affinity), ranked
    // by predicted rating.
    watch.Restart();
    var svd = MatrixFactorization.Train(data, options.Factorization with { Implicit = false });
    fit = watch.Elapsed.TotalSeconds;
    watch.Restart();
    result = Evaluation.Evaluate(data, test, svd.Predict, (u, n, allowed) => Enumerable.Range(0, counts.Length).Where(allowed)
        .Select(i => (Ratee: i, Score: svd.Predict(u, i))).OrderByDescending(p => p.Score).ThenBy(p => p.Ratee).Take(n).Select(p => p.Ratee).ToList(), isDistrusted);
    rows.Add(("plain SVD", result, fit, watch.Elapsed.TotalSeconds));

    // The service's recommender.
    watch.Restart();
    var model = Recommender.Train(data, options);
    fit = watch.Elapsed.TotalSeconds;
    watch.Restart();
    // Every rater's list through the batch API the service uses (the model already leaves out what a rater rated).
    var lists = model.RecommendAll(Evaluation.TopN, (_, _) => true, CancellationToken.None).ToDictionary(r => r.Rater, r => r.Top);
    result = Evaluation.Evaluate(data, test, model.Predict, (u, n, allowed) => u >= 0 && lists.TryGetValue(u, out var top)
        ? top.Select(r => r.Ratee).Where(allowed).Take(n).ToList() : model.Recommend(u, n, allowed).Select(r => r.Ratee).ToList(), isDistrusted);
    rows.Add((RecommenderRow, result, fit, watch.Elapsed.TotalSeconds));
    Console.WriteLine($"{name}: blend weights {string.Join(" ", model.BlendWeights.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))}");
    return new FoldResult(name, rows);
}

/// <summary>
/// Grid search on a validation slice (10%) of the training ratings — never the test set: the factorisation's size and
/// regularisation by validation RMSE, then the ranking's affinity λ, disliked weight and liking exponent by validation P@10.
/// </summary>
static RecommenderOptions Tune(string name, List<(string, string, double)> train, RatingScale scale, RecommenderOptions options)
{
    var random = new Random(11);
    var split = train.Select(r => (Rating: r, Validation: random.NextDouble() < 0.1)).ToList();
    var inner = split.Where(s => !s.Validation).Select(s => s.Rating).ToList();
    var validation = split.Where(s => s.Validation).Select(s => s.Rating).ToList();
    var data = RatingData<string>.From(inner, scale);
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
        $"{name}: tuned on a validation slice: factors {chosen.Factorization.Factors}, reg {chosen.Factorization.Regularization} (validation RMSE {best.Rmse:F4}); " +
        $"affinity λ {chosen.AffinityRegularization}, disliked weight {chosen.DislikedWeight}, liking exponent {chosen.LikingExponent} (validation P@10 {bestRanking.Precision:F4})"));
    return chosen;
}

static string Line(string fold, string model, EvaluationResult r, double fit, double predict) => string.Create(CultureInfo.InvariantCulture,
    $"| {fold} | {model} | {r.Rmse:F4} | {r.Mae:F4} | {r.PrecisionAt10:F4} | {r.RecallAt10:F4} | {r.NdcgAt10:F4} | {r.Coverage:F4} | {r.DistrustedShare:P2} | {fit:F2} | {predict:F2} |");

/// <summary>The folds as (name, training, test), all files read up front; null with a reason for a missing or bad file.</summary>
static List<(string Name, List<(string, string, double)> Train, List<(string, string, double)> Test)>? Folds(EvalArguments arguments, RatingScale scale, out string? error)
{
    var folds = new List<(string, List<(string, string, double)>, List<(string, string, double)>)>();
    if (arguments.Text("--folds") is { } directory)
    {
        if (!Directory.Exists(directory))
        {
            error = $"no such directory: {directory}";
            return null;
        }

        var pattern = (arguments.Text("--pattern") ?? "u{0}.base,u{0}.test").Split(',');
        for (var n = 1; n <= (arguments.Integer("--count") ?? 5); n++)
        {
            var trainName = string.Format(CultureInfo.InvariantCulture, pattern[0], n);
            var train = RatingFiles.Read(Path.Combine(directory, trainName), scale, out error);
            var test = train is null ? null : RatingFiles.Read(Path.Combine(directory, string.Format(CultureInfo.InvariantCulture, pattern[1], n)), scale, out error);
            if (train is null || test is null)
            {
                return null;
            }

            folds.Add((trainName, train, test));
        }
    }
    else if (arguments.Text("--train") is { } trainFile && arguments.Text("--test") is { } testFile)
    {
        var train = RatingFiles.Read(trainFile, scale, out error);
        var test = train is null ? null : RatingFiles.Read(testFile, scale, out error);
        if (train is null || test is null)
        {
            return null;
        }

        folds.Add((Path.GetFileName(testFile), train, test));
    }
    else
    {
        var timestamps = arguments.Text("--split") == "time" ? new List<long>() : null;
        var all = RatingFiles.Read(arguments.Text("--ratings")!, scale, out error, timestamps);
        if (all is null)
        {
            return null;
        }

        if (arguments.Text("--split") is { } split)
        {
            bool[]? isTest;
            if (timestamps is not null)
            {
                isTest = TimeSplit.Split(timestamps, arguments.TestShare, out error);
                if (isTest is null)
                {
                    return null;
                }
            }
            else
            {
                var seeded = new Random(arguments.Seed);
                var order = Enumerable.Range(0, all.Count).OrderBy(_ => seeded.Next()).ToArray();
                var held = (int)Math.Round(all.Count * arguments.TestShare);
                isTest = new bool[all.Count];
                foreach (var position in order.Take(held))
                {
                    isTest[position] = true;
                }
            }

            var train = all.Where((_, i) => !isTest[i]).ToList();
            var test = all.Where((_, i) => isTest[i]).ToList();
            if (train.Count == 0 || test.Count == 0)
            {
                error = "the split leaves no training or no test ratings";
                return null;
            }

            folds.Add((string.Create(CultureInfo.InvariantCulture, $"{split} split, test share {test.Count / (double)all.Count:F3}"), train, test));
            error = null;
            return folds;
        }

        var k = arguments.Integer("--kfold")!.Value;
        var random = new Random(arguments.Seed);
        var assignment = all.Select(_ => random.Next(k)).ToArray();
        for (var n = 0; n < k; n++)
        {
            var fold = n;
            folds.Add(($"fold {fold + 1}/{k}", all.Where((_, i) => assignment[i] != fold).ToList(), all.Where((_, i) => assignment[i] == fold).ToList()));
        }
    }

    error = null;
    return folds;
}
