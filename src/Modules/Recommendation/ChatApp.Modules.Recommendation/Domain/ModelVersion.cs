namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>One training run of the taste model; the API serves the newest complete one.</summary>
internal sealed class ModelVersion
{
    public long Id { get; set; }

    public ModelStatus Status { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int RatingCount { get; set; }

    /// <summary>Hyper-parameters, blend weights and validation figures, as JSON (for operators).</summary>
    public string? Details { get; set; }

    public string? Error { get; set; }
}
