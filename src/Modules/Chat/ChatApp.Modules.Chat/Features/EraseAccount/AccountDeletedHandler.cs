using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Chat.Features.EraseAccount;

/// <summary>An account was deleted: <see cref="EraseAccountCommand"/> batch after batch, each in its own unit of work, until all is erased.</summary>
internal sealed class AccountDeletedHandler(ISender sender) : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        while (!(await sender.Send(new EraseAccountCommand(integrationEvent.UserId), cancellationToken)).Finished)
        {
        }
    }
}
