using ChatApp.BuildingBlocks.Events;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Mails a reset code and link to the account's address; a request for an unknown address sends nothing.</summary>
internal sealed class PasswordResetMailHandler(AccountsDbContext db, AccountTokens tokens, AccountMails mails, IEmailSender sender, ILogger<PasswordResetMailHandler> logger)
    : IIntegrationEventHandler<PasswordResetRequestedIntegrationEvent>
{
    public async Task HandleAsync(PasswordResetRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.UserId is not { } userId)
        {
            return;
        }

        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return;
        }

        var token = await tokens.IssueAsync(integrationEvent.EventId, userId, AccountTokenPurposes.ResetPassword, email, cancellationToken);
        if (token is null)
        {
            MailSkipped.Log(logger, AccountTokenPurposes.ResetPassword, userId, integrationEvent.EventId);
            return;
        }

        await sender.SendAsync(mails.PasswordReset(email, token), cancellationToken);
    }
}
