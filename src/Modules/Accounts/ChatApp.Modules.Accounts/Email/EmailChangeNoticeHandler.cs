using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Tells the CURRENT address that a change to another one was asked for (a separate handler: retried on its own).</summary>
internal sealed class EmailChangeNoticeHandler(AccountsDbContext db, IEmailSender sender)
    : IIntegrationEventHandler<EmailChangeRequestedIntegrationEvent>
{
    public async Task HandleAsync(EmailChangeRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == integrationEvent.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is not null && !string.Equals(email, integrationEvent.NewEmail, StringComparison.OrdinalIgnoreCase))
        {
            await sender.SendAsync(AccountMails.EmailChangeNotice(email, integrationEvent.NewEmail), cancellationToken);
        }
    }
}
