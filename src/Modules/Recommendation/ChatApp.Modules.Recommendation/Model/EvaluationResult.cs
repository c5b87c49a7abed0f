namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Accuracy and top-N metrics of a model on held-out ratings. <c>DistrustedShare</c>: the share of top-10 slots that
/// went to ratees the caller calls distrusted; <c>Coverage</c>: the share of the training ratees that appear in at least
/// one top-10 list.
/// </summary>
internal sealed record EvaluationResult(
    double Rmse, double Mae, double PrecisionAt10, double RecallAt10, double NdcgAt10, int RankedRaters, double DistrustedShare = 0, double Coverage = 0, EvaluationUnits? Units = null);
