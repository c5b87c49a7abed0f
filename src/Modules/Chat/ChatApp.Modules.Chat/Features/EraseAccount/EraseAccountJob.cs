using Hangfire;

namespace ChatApp.Modules.Chat.Features.EraseAccount;

/// <summary>
/// <see cref="EraseAccountCommand"/> until finished, queued by <see cref="AccountDeletedHandler"/> at once and again later: a send accepted
/// in the instant of the deletion (a hub connection lives until the next session check) may be stored after the first
/// pass; by the time this runs every connection of the account is closed, so nothing can follow it.
/// </summary>
internal sealed class EraseAccountJob(ISender sender)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Erase what Chat holds of deleted account {0}")]
    public async Task RunAsync(Guid userId, CancellationToken cancellationToken)
    {
        while (!(await sender.Send(new EraseAccountCommand(userId), cancellationToken)).Finished)
        {
        }
    }
}
