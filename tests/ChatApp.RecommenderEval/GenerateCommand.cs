using System.Diagnostics;
using System.Globalization;
using System.Text;

/// <summary>
/// <c>--generate OUT --people N --ratings M [--seed S] [--communities C] [--bad-actors F]</c>: writes a
/// <see cref="SyntheticNetwork"/> (ratings to OUT, the people with their ground truth to OUT.people) and exits 0, or
/// gives a one-line reason for bad arguments (the caller prints it with the usage and exits 2).
/// </summary>
internal static class GenerateCommand
{
    public const string PeopleSuffix = ".people";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "--generate", "--people", "--ratings", "--seed", "--communities", "--bad-actors" };

    /// <summary>Runs the command; null when done, else the reason it refused.</summary>
    public static string? Run(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < args.Length; n++)
        {
            var name = args[n];
            if (!Known.Contains(name))
            {
                return $"unknown option '{name}' with --generate (it takes --people, --ratings, --seed, --communities, --bad-actors)";
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

        int? Whole(string name, out string? problem)
        {
            problem = null;
            if (!values.TryGetValue(name, out var text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problem = $"{name} needs a whole number, got '{text}'";
            return null;
        }

        var people = Whole("--people", out var error);
        var ratings = error is null ? Whole("--ratings", out error) : null;
        var seed = error is null ? Whole("--seed", out error) : null;
        var communities = error is null ? Whole("--communities", out error) : null;
        double? badActors = null;
        if (error is null && values.TryGetValue("--bad-actors", out var share))
        {
            if (double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                badActors = parsed;
            }
            else
            {
                error = $"--bad-actors needs a number, got '{share}'";
            }
        }

        if (error is not null)
        {
            return error;
        }

        if (people is null || ratings is null)
        {
            return "--generate needs --people N and --ratings M";
        }

        var defaults = new SyntheticNetworkOptions(people.Value, ratings.Value);
        var options = defaults with
        {
            Seed = seed ?? defaults.Seed,
            Communities = communities ?? defaults.Communities,
            BadActorShare = badActors ?? defaults.BadActorShare,
        };
        if (options.Problem() is { } problem)
        {
            return problem;
        }

        var path = values["--generate"];
        try
        {
            var watch = Stopwatch.StartNew();
            SyntheticPerson[] generated;
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
            {
                generated = SyntheticNetwork.Generate(options, writer);
            }

            using (var writer = new StreamWriter(path + PeopleSuffix, append: false))
            {
                writer.WriteLine("person\tjoined\tcommunity\ttrustworthiness\tbad_actor");
                foreach (var person in generated)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{person.Id}\t{person.Joined}\t{person.Community}\t{person.Trustworthiness:F3}\t{(person.BadActor ? 1 : 0)}"));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {options.Ratings} ratings (−10..+10) among {options.People} people ({options.Communities} communities, " +
                $"{generated.Count(p => p.BadActor)} bad actors, seed {options.Seed}) to {path} and the people to {path}{PeopleSuffix} in {watch.Elapsed.TotalSeconds:F1} s"));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {path}: {exception.Message}";
        }
    }
}
