using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Recommendation.Scoring;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Recommendation.Features.RateUser;

internal sealed record RateUserRequest(int? Score);

internal sealed record RatingResponse(Guid RateeId, int Score, DateTime CreatedAt, DateTime UpdatedAt);

internal sealed record RateUserCommand(Guid UserId, Guid RateeId, int? Score) : ICommand<Result<RatingResponse>>;

internal sealed class RateUserValidator : AbstractValidator<RateUserCommand>
{
    public RateUserValidator(IOptions<RecommendationOptions> options)
    {
        var scale = options.Value.Scale;
        RuleFor(c => c.Score).NotNull().InclusiveBetween(scale.Minimum, scale.Maximum).OverridePropertyName("score");
        RuleFor(c => c.RateeId).NotEqual(c => c.UserId).OverridePropertyName("userId").WithMessage("You cannot rate yourself.");
    }
}

/// <summary>
/// Rates someone I have talked with (Chat decides, through its Contracts: we share a room where both of us wrote) and
/// with no block either way. One rating per pair: rating again replaces it (the same rating sent twice at once: the
/// unit of work runs the second again, which then updates the first). The profile's score is requested once the
/// rating is committed, so the recomputation always reads it.
/// </summary>
internal sealed class RateUserHandler(
    RecommendationDbContext db, IUserDirectory users, IChatRelations relations, ScoreRequests scores, ScoreCache scoreCache, AfterCommit afterCommit, TimeProvider timeProvider)
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
        var rating = await db.Ratings.SingleOrDefaultAsync(r => r.RaterId == command.UserId && r.RateeId == command.RateeId, cancellationToken)
            ?? db.Ratings.Add(new Rating { RaterId = command.UserId, RateeId = command.RateeId, CreatedAt = now }).Entity;
        rating.Score = command.Score!.Value;
        rating.UpdatedAt = now;
        scoreCache.ForgetAfterCommit(afterCommit, command.RateeId);
        afterCommit.Run(ct => scores.RatingChangedAsync(command.RateeId, ct));
        return new RatingResponse(rating.RateeId, rating.Score, rating.CreatedAt, rating.UpdatedAt);
    }
}
