namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>
/// What a push-service stand-in received, in order, with waits for what a test expects ("n accepted pushes for token X")
/// that wake on each new request instead of polling.
/// </summary>
/// <typeparam name="T">One received request.</typeparam>
public sealed class StandInRecord<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _items.Add(item);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> items match; returns those that do. Fails with what was received.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, int count, TimeSpan? timeout = null, string? what = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var matching = _items.Where(match).ToList();
                if (matching.Count >= count)
                {
                    return matching;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {count} {what ?? typeof(T).Name}; received: {string.Join("; ", All)}");
            }
        }
    }
}
