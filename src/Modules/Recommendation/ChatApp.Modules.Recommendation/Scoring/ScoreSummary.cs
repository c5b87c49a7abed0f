using MathNet.Numerics.Statistics;

namespace ChatApp.Modules.Recommendation.Scoring;

/// <summary>A profile's score: the ratings' statistics and the shrunk score used for ranking.</summary>
internal sealed record ScoreSummary(int Count, double Mean, double StandardDeviation, double ConfidenceLow, double ConfidenceHigh, double ShrunkScore);
