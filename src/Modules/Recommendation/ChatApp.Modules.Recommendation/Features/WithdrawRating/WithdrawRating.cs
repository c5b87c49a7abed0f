using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Recommendation.Scoring;

namespace ChatApp.Modules.Recommendation.Features.WithdrawRating;

internal sealed record WithdrawRatingCommand(Guid UserId, Guid RateeId) : ICommand<Result>;

/// <summary>
/// Withdrawing is idempotent; the profile's score is recomputed (and unpublished below the minimum), requested once
/// the withdrawal is committed.
/// </summary>
internal sealed class WithdrawRatingHandler(RecommendationDbContext db, ScoreRequests scores, ScoreCache scoreCache, AfterCommit afterCommit) : ICommandHandler<WithdrawRatingCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawRatingCommand command, CancellationToken cancellationToken)
    {
        var removed = await db.Ratings.Where(r => r.RaterId == command.UserId && r.RateeId == command.RateeId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            scoreCache.ForgetAfterCommit(afterCommit, command.RateeId);
            afterCommit.Run(ct => scores.RatingChangedAsync(command.RateeId, ct));
        }

        return Result.Success();
    }
}
