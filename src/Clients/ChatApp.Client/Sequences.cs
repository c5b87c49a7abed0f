namespace ChatApp.Client;

/// <summary>
/// Element-wise equality of the lists inside the client's records, so two answers with the same content compare equal
/// (a record's own equality would compare its lists by reference).
/// </summary>
internal static class Sequences
{
    public static bool Equal<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));
}
