using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Email;

/// <summary>Tells the old address that the account's address was changed (confirmed) to another one.</summary>
internal sealed class EmailChangedNoticeHandler(IEmailSender sender) : IIntegrationEventHandler<EmailChangedIntegrationEvent>
{
    public async Task HandleAsync(EmailChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.OldEmail is { } old && !string.Equals(old, integrationEvent.NewEmail, StringComparison.OrdinalIgnoreCase))
        {
            await sender.SendAsync(AccountMails.EmailChangedNotice(old, integrationEvent.NewEmail), cancellationToken);
        }
    }
}
