using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>
/// Points a user's avatar at an image (or at none) and, when that changes anything, publishes
/// <see cref="UserAvatarChangedIntegrationEvent"/> in the same transaction: Media then keeps the new image and deletes
/// the previous one. Every node reads the user's summary afresh after the commit.
/// </summary>
internal sealed class AvatarChanges(AccountsDbContext db, IIdGenerator ids, TimeProvider timeProvider, ProfileCache profiles, AfterCommit afterCommit)
{
    public async Task<Result> SetAsync(Guid userId, Guid? mediaId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        Change(user, mediaId);
        return Result.Success();
    }

    /// <summary>
    /// Makes <paramref name="mediaId"/> the avatar only when the user has none, judged on the row this transaction
    /// loads and will save (its concurrency stamp makes a choice committed meanwhile win: the unit of work runs again).
    /// </summary>
    public async Task<AvatarAdoption> AdoptIfNoneAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AvatarAdoption.UserGone;
        }

        if (user.AvatarMediaId is not null)
        {
            return AvatarAdoption.AvatarAlreadySet;
        }

        Change(user, mediaId);
        return AvatarAdoption.Adopted;
    }

    private void Change(User user, Guid? mediaId)
    {
        if (user.AvatarMediaId != mediaId)
        {
            var previous = user.AvatarMediaId;
            user.AvatarMediaId = mediaId;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.AddIntegrationEvent(new UserAvatarChangedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, mediaId, previous));
            profiles.ForgetAfterCommit(afterCommit, user.Id);
        }
    }
}
