using System.Globalization;
using ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Reads rating files (rater, ratee, rating[, timestamp], tab- or comma-separated; a first line whose rating is not a
/// number is a header) without throwing: a missing or unreadable file, a malformed line, a rating off the scale or
/// a file without ratings gives a one-line reason instead.
/// </summary>
internal static class RatingFiles
{
    /// <summary>
    /// The ratings of a file; with <paramref name="timestamps"/>, also each rating's timestamp (the 4th column, a whole
    /// number), and a row without one is refused.
    /// </summary>
    public static List<(string Rater, string Ratee, double Value)>? Read(string path, RatingScale scale, out string? error, List<long>? timestamps = null) =>
        Read(path, scale, id => id, out error, timestamps);

    /// <summary>
    /// The same, with each id mapped by <paramref name="id"/> as it is read (the bench maps them to whole numbers, so a
    /// 10M-line file holds one string per distinct id, not per line).
    /// </summary>
    public static List<(TId Rater, TId Ratee, double Value)>? Read<TId>(string path, RatingScale scale, Func<string, TId> id, out string? error, List<long>? timestamps = null)
    {
        if (Directory.Exists(path))
        {
            error = $"{path} is a directory, not a ratings file";
            return null;
        }

        if (!File.Exists(path))
        {
            error = $"no such file: {path}";
            return null;
        }

        var ratings = new List<(TId, TId, double)>();
        try
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var parts = line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ',');
                var parsed = double.TryParse(parts.Length >= 3 ? parts[2] : string.Empty, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
                if (!parsed && number == 1 && parts.Length >= 3)
                {
                    continue; // a header line
                }

                if (!parsed)
                {
                    error = $"{path}:{number}: expected rater, ratee, rating";
                    return null;
                }

                if (!(value >= scale.Minimum && value <= scale.Maximum))
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"{path}:{number}: rating {value} lies outside the scale {scale} (set it with --scale MIN,MAX,NEUTRAL)");
                    return null;
                }

                if (timestamps is not null)
                {
                    if (parts.Length < 4 || !long.TryParse(parts[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
                    {
                        error = $"{path}:{number}: no timestamp (a whole number in the 4th column), which --split time needs";
                        return null;
                    }

                    timestamps.Add(timestamp);
                }

                ratings.Add((id(parts[0].Trim()), id(parts[1].Trim()), value));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {path}: {exception.Message}";
            return null;
        }

        error = ratings.Count == 0 ? $"no ratings in {path}" : null;
        return error is null ? ratings : null;
    }
}
