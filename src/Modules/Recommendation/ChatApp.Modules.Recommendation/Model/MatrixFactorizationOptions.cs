namespace ChatApp.Modules.Recommendation.Model;

/// <summary>Hyper-parameters of <see cref="MatrixFactorization"/>.</summary>
internal sealed record MatrixFactorizationOptions
{
    public int Factors { get; init; } = 40;

    public int Epochs { get; init; } = 20;

    public double LearningRate { get; init; } = 0.007;

    /// <summary>Multiplies the learning rate after each epoch.</summary>
    public double LearningRateDecay { get; init; } = 1.0;

    /// <summary>L2 penalty on the latent factors.</summary>
    public double Regularization { get; init; } = 0.04;

    /// <summary>L2 penalty on the biases.</summary>
    public double BiasRegularization { get; init; } = 0.02;

    public double InitialStandardDeviation { get; init; } = 0.05;

    public int Seed { get; init; } = 42;

    /// <summary>
    /// Also learn from <em>who rated whom</em> (SVD++, Koren 2008): a rater is described by their factors plus the
    /// normalised sum of implicit factors of everyone they rated.
    /// </summary>
    public bool Implicit { get; init; } = true;
}
