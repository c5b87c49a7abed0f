using System.Globalization;

/// <summary>
/// Generates a signed trust network (docs/recommendation.md, "Synthetic signed networks"), deterministic per seed, and
/// streams its ratings in time order as lines "rater TAB ratee TAB rating TAB unix-time" (ratings on −10..+10):
/// <list type="bullet">
/// <item>Growth: a seed group is there from the start, everyone else joins at a steady pace over the first 90% of the
/// ratings; a rating is made only by and about people who have joined (timestamps never decrease).</item>
/// <item>Power-law degrees: each rating's rater is drawn by a Pareto "activity" (shape 1.5) and its ratee by a Pareto
/// "popularity" (shape 1.2) among those who have joined, so early and popular people collect far more ratings.</item>
/// <item>Communities: 80% of the ratings go to someone of the rater's own community (by popularity), the rest to anyone;
/// within a community ratings are 1.5 higher, across it 3 lower.</item>
/// <item>Signed ratings: an honest rater's rating is the ratee's latent trustworthiness (about N(4, 2) for honest
/// people) plus the community effect, the rater's own bias, a small taste match and noise, rounded and clipped.</item>
/// <item>Bad actors (the given share): trustworthiness about N(−5, 1.5), so most who meet them rate them negatively;
/// they rate others erratically (uniform on −10..+10).</item>
/// </list>
/// Memory: a few arrays per person and one hash-set entry per rating (at most one rating per rater and ratee); the ratings
/// themselves are written as they are made.
/// </summary>
internal sealed class SyntheticNetwork
{
    /// <summary>The first rating's time (2020-09-13); the ratings span two years.</summary>
    public const long Start = 1_600_000_000;

    private const double SpanSeconds = 2 * 365 * 24 * 3600.0;
    private const double InCommunity = 0.8;

    private readonly SyntheticNetworkOptions _options;
    private readonly Random _random;

    private SyntheticNetwork(SyntheticNetworkOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>Writes the ratings to <paramref name="ratings"/> and returns the people (index = id − 1).</summary>
    public static SyntheticPerson[] Generate(SyntheticNetworkOptions options, TextWriter ratings) => new SyntheticNetwork(options).Run(ratings);

    private SyntheticPerson[] Run(TextWriter output)
    {
        var n = _options.People;
        var m = _options.Ratings;
        var community = new int[n];
        var bad = new bool[n];
        var trust = new double[n];
        var activity = new double[n];
        var popularity = new double[n];
        var bias = new double[n];
        var taste = new (double, double)[n];
        var rank = new int[n];
        var sizes = new int[_options.Communities];
        for (var p = 0; p < n; p++)
        {
            community[p] = _random.Next(_options.Communities);
            rank[p] = sizes[community[p]]++;
            bad[p] = _random.NextDouble() < _options.BadActorShare;
            trust[p] = Math.Clamp(bad[p] ? Normal(-5, 1.5) : Normal(4, 2), -10, 10);
            activity[p] = Pareto(1.5);
            popularity[p] = Pareto(1.2);
            bias[p] = Normal(0, 1);
            taste[p] = (Normal(0, 1), Normal(0, 1));
        }

        // Who joins at which rating: a seed group at once (large enough that the first ratings find distinct pairs),
        // then one by one at a steady pace until 90% of the ratings.
        var seedGroup = (int)Math.Min(n, Math.Max(2, (4L * m / n) + 20));
        long JoinsAt(int p) => p < seedGroup ? 0 : (long)(0.9 * m * (p - seedGroup + 1) / (n - seedGroup + 1));

        var raters = new Fenwick(n);
        var everyone = new Fenwick(n);
        var byCommunity = sizes.Select(s => new Fenwick(s)).ToArray();
        var members = sizes.Select(s => new int[s]).ToArray();
        for (var p = 0; p < n; p++)
        {
            members[community[p]][rank[p]] = p;
        }

        var joined = new long[n];
        var next = 0;
        var time = (double)Start;
        var seen = new HashSet<long>(m);
        void Join(long now)
        {
            var p = next++;
            joined[p] = now;
            raters.Add(p, activity[p]);
            everyone.Add(p, popularity[p]);
            byCommunity[community[p]].Add(rank[p], popularity[p]);
        }

        for (var e = 0; e < m; e++)
        {
            time += -Math.Log(1 - _random.NextDouble()) * SpanSeconds / m;
            var now = (long)time;
            while (next < n && JoinsAt(next) <= e)
            {
                Join(now);
            }

            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0 && attempt % 64 == 0 && next < n)
                {
                    Join(now); // the people there have rated nearly everyone they would: let the next one in early
                }

                int rater, ratee;
                if (attempt < 1000)
                {
                    rater = raters.Sample(_random.NextDouble() * raters.Total);
                    var home = community[rater];
                    ratee = _random.NextDouble() < InCommunity
                        ? members[home][byCommunity[home].Sample(_random.NextDouble() * byCommunity[home].Total)]
                        : everyone.Sample(_random.NextDouble() * everyone.Total);
                }
                else
                {
                    rater = _random.Next(next);
                    ratee = _random.Next(next);
                }

                if (rater == ratee || rater >= next || ratee >= next || !seen.Add(((long)rater * n) + ratee))
                {
                    continue;
                }

                var value = bad[rater] ? _random.Next(-10, 11) : Honest(rater, ratee);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rater + 1}\t{ratee + 1}\t{value}\t{now}"));
                break;
            }
        }

        return Enumerable.Range(0, n).Select(p => new SyntheticPerson(p + 1, p < next ? joined[p] : (long)time, community[p], trust[p], bad[p])).ToArray();

        int Honest(int rater, int ratee)
        {
            var match = (taste[rater].Item1 * taste[ratee].Item1) + (taste[rater].Item2 * taste[ratee].Item2);
            var value = trust[ratee] + (community[rater] == community[ratee] ? 1.5 : -3.0) + bias[rater] + match + Normal(0, 2.5);
            return (int)Math.Clamp(Math.Round(value), -10, 10);
        }
    }

    private double Normal(double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble()));

    private double Pareto(double shape) => Math.Pow(1 - _random.NextDouble(), -1 / shape);

    /// <summary>A Fenwick tree of weights: add a weight, draw an index with probability proportional to its weight.</summary>
    private sealed class Fenwick(int size)
    {
        private readonly double[] _tree = new double[size + 1];

        public double Total { get; private set; }

        public void Add(int index, double weight)
        {
            Total += weight;
            for (var i = index + 1; i <= size; i += i & -i)
            {
                _tree[i] += weight;
            }
        }

        /// <summary>The first index whose cumulative weight exceeds <paramref name="target"/> (0 ≤ target &lt; Total).</summary>
        public int Sample(double target)
        {
            var position = 0;
            for (var step = size == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(size)); step > 0; step >>= 1)
            {
                if (position + step <= size && _tree[position + step] <= target)
                {
                    position += step;
                    target -= _tree[position];
                }
            }

            return Math.Min(position, size - 1);
        }
    }
}
