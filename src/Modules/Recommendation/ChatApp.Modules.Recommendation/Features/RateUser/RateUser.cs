using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Recommendation.Features.RecomputeScore;

namespace ChatApp.Modules.Recommendation.Features.RateUser;

internal sealed record RateUserRequest(int? Score);

internal sealed record RatingResponse(Guid RateeId, int Score, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Non-transactional: one upsert, then a coalesced score request.</summary>
internal sealed record RateUserCommand(Guid UserId, Guid RateeId, int? Score) : ICommand<Result<RatingResponse>>, INonTransactionalCommand;

internal sealed record WithdrawRatingCommand(Guid UserId, Guid RateeId) : ICommand<Result>, INonTransactionalCommand;

internal sealed class RateUserValidator : AbstractValidator<RateUserCommand>
{
    public RateUserValidator()
    {
        RuleFor(c => c.Score).NotNull().InclusiveBetween(Rating.MinScore, Rating.MaxScore).OverridePropertyName("score");
        RuleFor(c => c.RateeId).NotEqual(c => c.UserId).OverridePropertyName("userId").WithMessage("You cannot rate yourself.");
    }
}

/// <summary>
/// Rates someone I have talked with (Chat decides, through its Contracts: we share a room where both of us wrote) and
/// with no block either way. One rating per pair: rating again replaces it.
/// </summary>
internal sealed class RateUserHandler(
    RecommendationDbContext db, IUserDirectory users, IChatRelations relations, ScoreRequests scores, TimeProvider timeProvider)
    : ICommandHandler<RateUserCommand, Result<RatingResponse>>
{
    public async ValueTask<Result<RatingResponse>> Handle(RateUserCommand command, CancellationToken cancellationToken)
    {
        if (!await users.IsActiveAsync(command.RateeId, cancellationToken))
        {
            return RecommendationErrors.UserNotFound;
        }

        var relation = await relations.GetRelationAsync(command.UserId, command.RateeId, cancellationToken);
        if (relation.Blocked)
        {
            return RecommendationErrors.Blocked;
        }

        if (!relation.HaveTalked)
        {
            return RecommendationErrors.NotAcquainted;
        }

        var now = timeProvider.GetUtcNowForStorage();
        Rating rating;
        for (var attempt = 1; ; attempt++)
        {
            rating = await db.Ratings.SingleOrDefaultAsync(r => r.RaterId == command.UserId && r.RateeId == command.RateeId, cancellationToken)
                ?? db.Ratings.Add(new Rating { RaterId = command.UserId, RateeId = command.RateeId, CreatedAt = now }).Entity;
            rating.Score = command.Score!.Value;
            rating.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception) && attempt < 3)
            {
                db.ChangeTracker.Clear(); // the same rating sent twice at once: update the one that won
            }
        }

        await scores.RatingChangedAsync(command.RateeId, cancellationToken);
        return new RatingResponse(rating.RateeId, rating.Score, rating.CreatedAt, rating.UpdatedAt);
    }
}

/// <summary>Withdrawing is idempotent; the profile's score is recomputed (and unpublished below the minimum).</summary>
internal sealed class WithdrawRatingHandler(RecommendationDbContext db, ScoreRequests scores) : ICommandHandler<WithdrawRatingCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawRatingCommand command, CancellationToken cancellationToken)
    {
        var removed = await db.Ratings.Where(r => r.RaterId == command.UserId && r.RateeId == command.RateeId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await scores.RatingChangedAsync(command.RateeId, cancellationToken);
        }

        return Result.Success();
    }
}
