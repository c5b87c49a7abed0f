using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>
/// Tells the address the account had when the change was asked for (carried by the event, so the notice still goes
/// there when this runs after the confirmation) that a change to another one was asked for. A separate handler:
/// retried on its own.
/// </summary>
internal sealed class EmailChangeNoticeHandler(AccountsDbContext db, IEmailSender sender)
    : IIntegrationEventHandler<EmailChangeRequestedIntegrationEvent>
{
    public async Task HandleAsync(EmailChangeRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        // Events written before OldEmail existed carry none: the current address is the best guess for them.
        var email = integrationEvent.OldEmail
                    ?? await db.Users.AsNoTracking().Where(u => u.Id == integrationEvent.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is not null && !string.Equals(email, integrationEvent.NewEmail, StringComparison.OrdinalIgnoreCase))
        {
            await sender.SendAsync(AccountMails.EmailChangeNotice(email, integrationEvent.NewEmail), cancellationToken);
        }
    }
}
