namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>
/// The lease that lets one training run at a time across every instance sharing the database: held by one run
/// (<see cref="Holder"/>) until <see cref="ExpiresAt"/>, renewed while it trains, released when it ends. A run whose
/// process died leaves an expired lease that the next run takes over.
/// </summary>
internal sealed class TrainingLease
{
    public const string ModelTraining = "model-training";

    public string Name { get; set; } = ModelTraining;

    public Guid? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}
