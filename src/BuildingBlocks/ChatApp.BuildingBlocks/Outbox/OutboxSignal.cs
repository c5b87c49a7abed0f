using System.Collections.Concurrent;

namespace ChatApp.BuildingBlocks.Outbox;

/// <summary>
/// Wakes this process's outbox dispatchers as soon as a transaction with new messages commits, instead of waiting for
/// the next poll. Other nodes find the messages by polling.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentBag<SemaphoreSlim> _waiters = [];

    /// <summary>Creates a wake-up channel for one dispatcher.</summary>
    public Func<TimeSpan, CancellationToken, Task> Subscribe()
    {
        var semaphore = new SemaphoreSlim(0, 1);
        _waiters.Add(semaphore);
        return (timeout, cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
    }

    public void Notify()
    {
        foreach (var semaphore in _waiters)
        {
            if (semaphore.CurrentCount > 0)
            {
                continue;
            }

            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke it first: one wake-up is enough.
            }
        }
    }
}
