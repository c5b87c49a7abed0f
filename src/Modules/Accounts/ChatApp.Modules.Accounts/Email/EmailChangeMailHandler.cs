using ChatApp.BuildingBlocks.Events;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Mails the confirmation code and link for an e-mail change to the NEW address (the same ones again on a repeated delivery).</summary>
internal sealed class EmailChangeMailHandler(AccountsDbContext db, AccountTokens tokens, AccountMails mails, IEmailSender sender, ILogger<EmailChangeMailHandler> logger)
    : IIntegrationEventHandler<EmailChangeRequestedIntegrationEvent>
{
    public async Task HandleAsync(EmailChangeRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == integrationEvent.UserId, cancellationToken))
        {
            return;
        }

        var token = await tokens.IssueAsync(integrationEvent.EventId, integrationEvent.UserId, AccountTokenPurposes.ChangeEmail, integrationEvent.NewEmail, cancellationToken);
        if (token is null)
        {
            MailSkipped.Log(logger, AccountTokenPurposes.ChangeEmail, integrationEvent.UserId, integrationEvent.EventId);
            return;
        }

        await sender.SendAsync(mails.EmailChange(integrationEvent.NewEmail, token), cancellationToken);
    }
}
