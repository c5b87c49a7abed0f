using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Accounts.Contracts;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.EraseAccount;

/// <summary>
/// An account was deleted: <see cref="EraseAccountCommand"/> batch after batch, each in its own unit of work, until all
/// is erased; then <see cref="EraseAccountJob"/> once more after two session-check intervals, when no connection of the
/// account can still be sending.
/// </summary>
internal sealed class AccountDeletedHandler(ISender sender, IBackgroundJobClient jobs, IOptions<ChatOptions> options)
    : IIntegrationEventHandler<AccountDeletedIntegrationEvent>
{
    public async Task HandleAsync(AccountDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        while (!(await sender.Send(new EraseAccountCommand(integrationEvent.UserId), cancellationToken)).Finished)
        {
        }

        jobs.Schedule<EraseAccountJob>(job => job.RunAsync(integrationEvent.UserId, CancellationToken.None), options.Value.SessionCheckInterval * 2);
    }
}
