using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>
/// Points a user's avatar at an image (or at none) and, when that changes anything, publishes
/// <see cref="UserAvatarChangedIntegrationEvent"/> in the same transaction: Media then keeps the new image and deletes
/// the previous one.
/// </summary>
internal sealed class AvatarChanges(AccountsDbContext db, IIdGenerator ids, TimeProvider timeProvider)
{
    public async Task<Result> SetAsync(Guid userId, Guid? mediaId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        if (user.AvatarMediaId != mediaId)
        {
            var previous = user.AvatarMediaId;
            user.AvatarMediaId = mediaId;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.AddIntegrationEvent(new UserAvatarChangedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, mediaId, previous));
        }

        return Result.Success();
    }
}
