using System.Globalization;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The rating scale, from configuration (never guessed from the data): <see cref="Minimum"/> &lt; <see cref="Neutral"/>
/// &lt; <see cref="Maximum"/>. Every threshold derives from it: <see cref="Liked"/> (relevance for precision and NDCG,
/// and a full weight in the affinity model) and "distrusted" (a mean received rating below <see cref="Neutral"/>, see
/// <see cref="DistrustRule"/>). 1..5 with neutral 3 gives liked 4; −10..+10 with neutral 0 gives liked 5.
/// </summary>
internal sealed class RatingScale
{
    public RatingScale(double minimum, double maximum, double neutral)
    {
        if (Problem(minimum, maximum, neutral) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Minimum = minimum;
        Maximum = maximum;
        Neutral = neutral;
    }

    /// <summary>Stars 1..5, neutral 3: the service's default.</summary>
    public static RatingScale OneToFive { get; } = new(1, 5, 3);

    public double Minimum { get; }

    public double Maximum { get; }

    public double Neutral { get; }

    /// <summary>Half way from neutral to the top (4 on 1..5, 5 on −10..+10): a rating at or above it is "liked".</summary>
    public double Liked => Neutral + ((Maximum - Neutral) / 2);

    public double Width => Maximum - Minimum;

    /// <summary>Why <paramref name="minimum"/>, <paramref name="maximum"/> and <paramref name="neutral"/> are not a scale, or null.</summary>
    public static string? Problem(double minimum, double maximum, double neutral) =>
        double.IsFinite(minimum) && double.IsFinite(maximum) && double.IsFinite(neutral) && minimum < neutral && neutral < maximum
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the rating scale needs minimum < neutral < maximum (got minimum {minimum}, maximum {maximum}, neutral {neutral})");

    public double Clamp(double value) => Math.Clamp(value, Minimum, Maximum);

    /// <summary>0 at the minimum, 1 at the maximum.</summary>
    public double Unit(double value) => (value - Minimum) / Width;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Minimum}..{Maximum}, neutral {Neutral}");
}
