using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Mails a verification code and link to the address, unless it is no longer the account's or is verified already.</summary>
internal sealed class VerificationMailHandler(AccountsDbContext db, AccountTokens tokens, AccountMails mails, IEmailSender sender)
    : IIntegrationEventHandler<EmailVerificationRequestedIntegrationEvent>
{
    public async Task HandleAsync(EmailVerificationRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == integrationEvent.UserId, cancellationToken);
        if (user is not { Email: { } email, EmailConfirmed: false } || !string.Equals(email, integrationEvent.Email, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = await tokens.IssueAsync(user.Id, AccountTokenPurposes.VerifyEmail, email, cancellationToken);
        await sender.SendAsync(mails.Verification(email, token), cancellationToken);
    }
}
