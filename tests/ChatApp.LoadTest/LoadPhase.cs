using System.Globalization;

namespace ChatApp.LoadTest;

/// <summary>A stretch of the run in which every client sends <see cref="Rate"/> messages per second (0: a pause).</summary>
internal sealed record LoadPhase(double Seconds, double Rate, bool Measured)
{
    /// <summary>Parses <c>SECONDSxRATE,...</c>, e.g. <c>20x5,60x10,30x2.5</c>; every phase is measured.</summary>
    public static IReadOnlyList<LoadPhase> ParseList(string value)
    {
        var phases = new List<LoadPhase>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var x = part.IndexOfAny(['x', 'X']);
            if (x <= 0
                || !double.TryParse(part.AsSpan(0, x), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || !double.TryParse(part.AsSpan(x + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                || seconds <= 0 || rate < 0)
            {
                throw new ArgumentException($"--phases: \"{part}\" is not SECONDSxRATE (e.g. 60x10; seconds > 0, rate >= 0).");
            }

            phases.Add(new LoadPhase(seconds, rate, Measured: true));
        }

        return phases.Count > 0 ? phases : throw new ArgumentException("--phases needs at least one SECONDSxRATE.");
    }

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Seconds:0.##}x{Rate:0.##}");
}
