namespace ChatApp.Modules.Recommendation.Model;

/// <summary>A difference between two models on the full test set, and its bootstrap confidence interval.</summary>
internal sealed record BootstrapInterval(double Estimate, double Low, double High)
{
    /// <summary>Whether the whole interval lies below zero (the first model's value is lower).</summary>
    public bool BelowZero => High < 0;

    /// <summary>Whether the whole interval lies above zero.</summary>
    public bool AboveZero => Low > 0;
}
