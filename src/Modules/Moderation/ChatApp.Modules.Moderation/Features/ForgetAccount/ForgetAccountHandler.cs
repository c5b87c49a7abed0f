using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Moderation.Features.ForgetAccount;

/// <summary>
/// An account was deleted: the reports it filed go (its notes are its own words), and so do its notices; the pictures
/// those reports still held are released to Media first (saved with the outbox before the delete, so a retry releases
/// again, which Media ignores). Reports about it and the audit log stay: they are the moderators' evidence and record
/// (ADR 0023, part M). Idempotent.
/// </summary>
internal sealed class ForgetAccountHandler(ModerationDbContext db, IIdGenerator ids, TimeProvider timeProvider) : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var held = await db.Reports
            .Where(r => r.ReporterId == integrationEvent.UserId && r.EvidenceAttachments != null && r.EvidenceReleasedAt == null)
            .ToListAsync(cancellationToken);
        if (held.Count > 0)
        {
            var now = timeProvider.GetUtcNowForStorage();
            foreach (var report in held)
            {
                report.EvidenceReleasedAt = now;
                db.AddIntegrationEvent(new ReportEvidenceReleasedIntegrationEvent(ids.NewId(), now, report.Id, report.EvidenceAttachmentIds));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await db.Reports.Where(r => r.ReporterId == integrationEvent.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Notices.Where(n => n.UserId == integrationEvent.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
