namespace ChatApp.Client.Recommendations;

/// <summary>GET /recommendations/for-me (server: RecommendationsResponse).</summary>
public sealed record RecommendationList(long? ModelVersion, IReadOnlyList<RecommendedPerson> People)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(RecommendationList? other) =>
        other is not null
        && ModelVersion == other.ModelVersion
        && Sequences.Equal(People, other.People);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(ModelVersion);
}
