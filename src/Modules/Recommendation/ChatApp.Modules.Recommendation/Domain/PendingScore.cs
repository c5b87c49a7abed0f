namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>A recomputation of a profile's score is queued (at most one row, hence one job, per profile).</summary>
internal sealed class PendingScore
{
    public Guid UserId { get; set; }

    public DateTime RequestedAt { get; set; }
}
