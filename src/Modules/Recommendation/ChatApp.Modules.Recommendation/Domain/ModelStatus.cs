namespace ChatApp.Modules.Recommendation.Domain;

internal enum ModelStatus
{
    Training = 1,
    Complete = 2,
    Failed = 3,
}
