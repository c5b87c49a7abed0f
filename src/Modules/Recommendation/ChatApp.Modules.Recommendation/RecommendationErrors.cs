namespace ChatApp.Modules.Recommendation;

/// <summary>The Recommendation module's expected failures (codes are part of the API contract).</summary>
internal static class RecommendationErrors
{
    public static readonly Error CannotRateYourself = Error.Validation("userId", "You cannot rate yourself.");

    public static readonly Error UserNotFound = Error.NotFound("recommendation.user_not_found", "No such user.");

    public static readonly Error NotAcquainted = Error.Forbidden(
        "recommendation.not_acquainted", "You can rate only people you share a room with and have exchanged messages with.");

    public static readonly Error TrainingInProgress = Error.Conflict(
        "recommendation.training_in_progress", "The model is being trained by another run; this one did not start.");

    public static readonly Error Blocked = Error.Forbidden("recommendation.blocked", "You cannot rate this person.");
}
