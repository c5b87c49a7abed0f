namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The per-unit values behind an <see cref="EvaluationResult"/>, for paired bootstrap intervals
/// (<see cref="Bootstrap"/>): squared and absolute errors per test rating (in test order), precision@10 and NDCG@10 per
/// ranked rater (in rater index order, so two models evaluated on the same training and test sets line up).
/// </summary>
internal sealed record EvaluationUnits(double[] SquaredErrors, double[] AbsoluteErrors, double[] Precision, double[] Ndcg);
