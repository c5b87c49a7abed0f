namespace ChatApp.Modules.Recommendation.Model;

/// <summary>Accuracy and top-N metrics of a model on held-out ratings.</summary>
internal sealed record EvaluationResult(double Rmse, double Mae, double PrecisionAt10, double RecallAt10, double NdcgAt10, int RankedRaters);
