using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Chat.Features.PushContentLookup;

namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>
/// Chat's real <see cref="IPushContent"/>, made to fail on demand: a database hiccup in the middle of a push pass, after
/// the items were leased and before anything was sent.
/// </summary>
public sealed class FailingPushContent
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _failures = new();
    private int _failed;

    /// <summary>The next call asking about <paramref name="roomId"/> fails.</summary>
    public void FailOnceFor(Guid roomId) => _failures[roomId] = 1;

    public int Failed => Volatile.Read(ref _failed);

    internal IPushContent Wrap(PushContent inner) => new Decorator(this, inner);

    private bool ShouldFail(IReadOnlyCollection<PushContentKey> keys)
    {
        foreach (var key in keys)
        {
            if (_failures.TryRemove(key.RoomId, out _))
            {
                Interlocked.Increment(ref _failed);
                return true;
            }
        }

        return false;
    }

    private sealed class Decorator(FailingPushContent owner, PushContent inner) : IPushContent
    {
        public Task<PushContentSnapshot> GetAsync(IReadOnlyCollection<PushContentKey> keys, CancellationToken cancellationToken) =>
            owner.ShouldFail(keys) ? throw new TimeoutException("injected: the database did not answer") : inner.GetAsync(keys, cancellationToken);
    }
}
