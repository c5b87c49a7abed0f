using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Mails the confirmation code and link for an e-mail change to the NEW address.</summary>
internal sealed class EmailChangeMailHandler(AccountsDbContext db, AccountTokens tokens, AccountMails mails, IEmailSender sender)
    : IIntegrationEventHandler<EmailChangeRequestedIntegrationEvent>
{
    public async Task HandleAsync(EmailChangeRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == integrationEvent.UserId, cancellationToken))
        {
            return;
        }

        var token = await tokens.IssueAsync(integrationEvent.UserId, AccountTokenPurposes.ChangeEmail, integrationEvent.NewEmail, cancellationToken);
        await sender.SendAsync(mails.EmailChange(integrationEvent.NewEmail, token), cancellationToken);
    }
}
