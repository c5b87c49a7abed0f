using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Moderation.Features.ForgetAccount;

/// <summary>
/// An account was deleted: the reports it filed go (its notes are its own words). Reports about it and the audit log
/// stay: they are the moderators' evidence and record (ADR 0023, part M). Idempotent.
/// </summary>
internal sealed class ForgetAccountHandler(ModerationDbContext db) : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        await db.Reports.Where(r => r.ReporterId == integrationEvent.UserId).ExecuteDeleteAsync(cancellationToken);
}
