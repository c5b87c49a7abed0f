using ChatApp.BuildingBlocks.Events;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Mails a verification code and link to the address, unless it is no longer the account's or is verified already.</summary>
internal sealed class VerificationMailHandler(AccountsDbContext db, AccountTokens tokens, AccountMails mails, IEmailSender sender, ILogger<VerificationMailHandler> logger)
    : IIntegrationEventHandler<EmailVerificationRequestedIntegrationEvent>
{
    public async Task HandleAsync(EmailVerificationRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == integrationEvent.UserId, cancellationToken);
        if (user is not { Email: { } email, EmailConfirmed: false } || !string.Equals(email, integrationEvent.Email, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = await tokens.IssueAsync(integrationEvent.EventId, user.Id, AccountTokenPurposes.VerifyEmail, email, cancellationToken);
        if (token is null)
        {
            MailSkipped.Log(logger, AccountTokenPurposes.VerifyEmail, user.Id, integrationEvent.EventId);
            return;
        }

        await sender.SendAsync(mails.Verification(email, token), cancellationToken);
    }
}
