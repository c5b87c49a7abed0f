using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Stores sends in batches: every send of this node waits in one queue, and one loop takes whatever has queued (up to
/// <see cref="ChatOptions.SendBatchMaxSize"/>) and hands it to the <see cref="IMessageStore"/>, which checks it
/// (<see cref="SendAdmission"/>) and stores it in one transaction. Each send is answered only after that transaction
/// commits, so an acknowledged message is durable; then the <see cref="MessageBroadcaster"/> sends the batch in
/// sequence order while the next batch is stored. Under light load a batch holds one send and costs what a single send
/// did; under heavy load the cost of a commit (the log flush) is shared by the whole batch. Each stage is timed
/// (<see cref="SendPathMetrics"/>).
/// Overload: while the process is too far behind (<see cref="ServerLag"/>), or when
/// <see cref="ChatOptions.SendQueueLimit"/> sends already wait, a send is refused at once with
/// <c>chat.overloaded</c> and a retry hint, and the writer takes no new batch while the broadcaster is behind, so a
/// backlog never outgrows what clears in well under a second. Shutdown: <see cref="DrainAsync"/> refuses new sends
/// (<c>chat.server_restarting</c>) and stores and acknowledges every send already accepted.
/// </summary>
internal sealed class MessageWriter(
    IMessageStore store,
    ServerLag lag,
    MessageBroadcaster broadcaster,
    SendPathMetrics metrics,
    IOptions<ChatOptions> options,
    ILogger<MessageWriter> logger) : BackgroundService
{
    private readonly Channel<PendingSend> _queue = Channel.CreateUnbounded<PendingSend>(new UnboundedChannelOptions { SingleReader = true });
    private int _queued;
    private Error? _overloaded;

    /// <summary>The refusal of an overloaded node, built once (an overloaded node refuses thousands a second).</summary>
    private Error Overloaded => _overloaded ??= ChatErrors.Overloaded(options.Value.OverloadRetryAfter);

    /// <summary>Sends waiting for a batch.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Queues a validated send and waits until it is stored (or refused).</summary>
    public async Task<Result<SendMessageResult>> SendAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        if (lag.Overloaded)
        {
            return Refuse(Overloaded);
        }

        if (Interlocked.Increment(ref _queued) > options.Value.SendQueueLimit)
        {
            Interlocked.Decrement(ref _queued);
            return Refuse(Overloaded);
        }

        var pending = new PendingSend(command);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queued);
            return Refuse(ChatErrors.ServerRestarting); // draining for shutdown
        }

        // Once queued the send is stored even if this caller goes away; a retry with the same client message id finds it.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// For shutdown: refuses new sends, then waits (at most <paramref name="timeout"/>) until every send already accepted
    /// is stored, acknowledged and broadcast. Returns false if that took too long (the rest are cancelled on stop).
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is not { } running)
        {
            return true;
        }

        try
        {
            await running.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private Error Refuse(Error error)
    {
        metrics.Refused(error.Code);
        return error;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broadcasting = Task.Run(broadcaster.RunAsync, CancellationToken.None);
        try
        {
            await WriteLoopAsync(stoppingToken);
        }
        finally
        {
            broadcaster.Complete();
            await broadcasting;
        }
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingSend>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.SendBatchMaxSize && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                Interlocked.Add(ref _queued, -batch.Count);

                using var activity = SendPathTracing.StartBatch(batch);
                await WriteAsync(batch, metrics.Taken(batch), activity, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (reader.TryRead(out var pending))
            {
                pending.Completion.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteAsync(List<PendingSend> batch, SendBatchTimings timings, Activity? activity, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await store.StoreAsync(batch, timings, cancellationToken);
            timings.Stored = stored.Count;
            metrics.Stored(timings);
            activity?.SetTag("chatapp.send.stored", stored.Count);
            if (stored.Count > 0)
            {
                await broadcaster.PostAsync(stored, timings, activity?.Context ?? default); // waits while the broadcaster is behind
            }
            else
            {
                metrics.Finished(timings);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Storing a batch of {Count} message(s) failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
        finally
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetCanceled(CancellationToken.None); // only those the shutdown interrupted
            }
        }
    }
}
