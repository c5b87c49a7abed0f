using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.UnitOfWork;

/// <summary>
/// The request-scoped queue of side effects that others observe (SignalR events, cache evictions, Hangfire jobs, pushes).
/// A handler adds them while it works; <see cref="UnitOfWorkBehavior{TMessage,TResponse}"/> runs them in order once the
/// command's transaction has committed, and drops them when it rolls back, so nobody hears of a change that did not
/// happen. Anything that must not be lost goes to the outbox instead, inside the transaction.
/// </summary>
public sealed class AfterCommit(ILogger<AfterCommit> logger)
{
    private List<Func<CancellationToken, Task>>? _pending;

    /// <summary>Runs <paramref name="sideEffect"/> after the commit of the command being handled.</summary>
    public void Run(Func<CancellationToken, Task> sideEffect) =>
        (_pending ?? throw new InvalidOperationException("Side effects are queued by a command handler, inside its unit of work.")).Add(sideEffect);

    /// <inheritdoc cref="Run(Func{CancellationToken, Task})"/>
    public void Run(Action sideEffect) => Run(_ =>
    {
        sideEffect();
        return Task.CompletedTask;
    });

    /// <summary>Starts collecting the side effects of one unit of work (nested units of work collect their own).</summary>
    internal Collection Begin()
    {
        var outer = _pending;
        _pending = [];
        return new Collection(this, outer);
    }

    /// <summary>
    /// Runs the side effects in the order they were queued. Each failure is logged and the next one still runs: the
    /// change is committed, and failing to tell about it must not make the caller believe it failed.
    /// </summary>
    private async Task RunAllAsync(List<Func<CancellationToken, Task>> effects)
    {
        foreach (var effect in effects)
        {
            try
            {
                await effect(CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A side effect queued for after the commit failed; the change itself is committed");
            }
        }
    }

    /// <summary>The side effects of one unit of work: run them after its commit, or discard them.</summary>
    internal sealed class Collection(AfterCommit queue, List<Func<CancellationToken, Task>>? outer) : IDisposable
    {
        private bool _ended;

        /// <summary>After the commit: runs what was queued. Side effects queued by those side effects go to the enclosing unit of work.</summary>
        public Task CommittedAsync()
        {
            var effects = End();
            return effects.Count == 0 ? Task.CompletedTask : queue.RunAllAsync(effects);
        }

        /// <summary>After a rollback: forgets what was queued.</summary>
        public void Dispose() => End();

        private List<Func<CancellationToken, Task>> End()
        {
            if (_ended)
            {
                return [];
            }

            _ended = true;
            var effects = queue._pending ?? [];
            queue._pending = outer;
            return effects;
        }
    }
}
