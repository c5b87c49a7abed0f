using ChatApp.Modules.Recommendation.Model;

internal sealed record FoldResult(string Name, List<(string Model, EvaluationResult Result, double Fit, double Predict)> Rows);
