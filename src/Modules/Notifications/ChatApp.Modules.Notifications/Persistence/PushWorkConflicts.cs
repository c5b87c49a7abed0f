namespace ChatApp.Modules.Notifications.Persistence;

/// <summary>
/// The event handlers that write push work race the sender (which releases and deletes items, changing their version)
/// and each other (the same new item inserted twice). A conflict makes the handler read again and retry at once, a few
/// times, before the outbox's own back-off takes over.
/// </summary>
internal static class PushWorkConflicts
{
    private const int Attempts = 4;

    public static async Task RetryAsync(NotificationsDbContext db, Func<Task> record)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await record();
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
