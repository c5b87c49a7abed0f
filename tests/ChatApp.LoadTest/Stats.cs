using System.Diagnostics;
using System.Globalization;

namespace ChatApp.LoadTest;

/// <summary>Percentiles and number formatting shared by the reports.</summary>
internal static class Stats
{
    /// <summary>The p-quantile (0..1) of sorted values by the nearest-rank method; NaN if there are none.</summary>
    public static double At(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Percentiles(List<double> values)
    {
        if (values.Count == 0)
        {
            return "(none)";
        }

        values.Sort();
        return Invariant($"p50 {At(values, 0.50):F1}  p95 {At(values, 0.95):F1}  p99 {At(values, 0.99):F1}  max {values[^1]:F1}  (n={values.Count})");
    }

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public static double Mib(double bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>The runtime's MB (10^6 bytes) in MiB.</summary>
    public static double MbToMib(double mb) => mb * 1e6 / 1024.0 / 1024.0;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number for a table cell: "-" for none.</summary>
    public static string Cell(double? value, string format = "F0") =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
