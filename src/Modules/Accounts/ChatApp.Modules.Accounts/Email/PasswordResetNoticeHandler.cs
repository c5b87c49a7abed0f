using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Tells the account's address that its password was reset.</summary>
internal sealed class PasswordResetNoticeHandler(AccountsDbContext db, IEmailSender sender)
    : IIntegrationEventHandler<PasswordResetCompletedIntegrationEvent>
{
    public async Task HandleAsync(PasswordResetCompletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == integrationEvent.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is not null)
        {
            await sender.SendAsync(AccountMails.PasswordResetNotice(email), cancellationToken);
        }
    }
}
