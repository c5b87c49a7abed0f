using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Media.Usage;

namespace ChatApp.Modules.Media.Features.EraseAccount;

/// <summary>
/// An account was deleted: every image it owns (avatars with their variants, chat uploads, used or not) is released
/// and deleted from storage now, batch by batch, rather than left to the recurring clean-up. Whoever else showed one of
/// them (nobody can: attachments and avatars must be the sender's own uploads) shows nothing. Idempotent.
/// </summary>
internal sealed class AccountDeletedHandler(MediaDbContext db, ImageDeletion deletion, TimeProvider timeProvider)
    : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public const int BatchSize = 200;

    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        while (true)
        {
            var ids = await db.Images.AsNoTracking().Where(i => i.OwnerId == userId).OrderBy(i => i.Id).Select(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return;
            }

            var now = timeProvider.GetUtcNowForStorage();
            await db.Images.Where(i => ids.Contains(i.Id) && i.ReleasedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReleasedAt, now), cancellationToken);
            await deletion.DeleteAsync(ids, cancellationToken);
        }
    }
}
