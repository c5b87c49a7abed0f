using System.Diagnostics;
using System.Text.Json;
using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Outbox;

/// <summary>
/// Delivers one module's outbox messages to the integration event handlers of every module, in occurrence order.
/// A node leases a message before handling it, so several nodes can run dispatchers side by side. Each handler runs in
/// its own scope; after a failure the message records the handlers that succeeded and is retried with exponential
/// back-off, and only the handlers that have not yet succeeded run again. After
/// <see cref="OutboxOptions.MaxAttempts"/> failures the message is dead-lettered (kept, with its last error).
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    string module,
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    OutboxTelemetry telemetry,
    ModuleSchemaHealthCheck<TContext> schema,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = signal.Subscribe();
        try
        {
            // An instance started before the release's migrate Job finished waits for it (it is not ready meanwhile).
            await schema.WaitUntilCurrentAsync(_options.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatcher of module {Module} failed; retrying after the poll interval", module);
            }

            if (handled < _options.BatchSize)
            {
                try
                {
                    await wait(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Handles the messages that are due; returns how many it looked at. The pass leases them all with one update (the
    /// lease's end, unique to the microsecond with a random part, tells which ones this node got), runs their handlers,
    /// and marks the ones whose handlers all succeeded processed with one more: two commits per pass, not per message,
    /// so the dispatcher keeps up with a send path that stores hundreds of batches a second. Two nodes drawing the same
    /// lease end would both deliver a message: handlers are idempotent (at-least-once delivery).
    /// </summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = context.Set<OutboxMessage>();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var due = await outbox.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.NextAttemptAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(m => m.Id).ToList();
        DateTime? leaseEnd = now + _options.LeaseDuration + TimeSpan.FromMicroseconds(Random.Shared.Next(1_000_000));
        leaseEnd = new DateTime(leaseEnd.Value.Ticks - (leaseEnd.Value.Ticks % 10), DateTimeKind.Utc); // microseconds, as stored
        await outbox
            .Where(m => ids.Contains(m.Id) && m.ProcessedAt == null && m.DeadLetteredAt == null && m.NextAttemptAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
        var mine = (await outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedUntil == leaseEnd).Select(m => m.Id).ToListAsync(cancellationToken))
            .ToHashSet();

        var delivered = new List<Guid>();
        try
        {
            foreach (var message in due.Where(m => mine.Contains(m.Id)))
            {
                if (await DeliverAsync(context, message, cancellationToken))
                {
                    delivered.Add(message.Id);
                }
            }
        }
        finally
        {
            if (delivered.Count > 0)
            {
                DateTime? processedAt = timeProvider.GetUtcNow().UtcDateTime;
                await outbox.Where(m => delivered.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, processedAt).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            }
        }

        return due.Count;
    }

    /// <summary>
    /// Runs the handlers that have not succeeded on the message yet, each in its own scope. Returns true when all have
    /// succeeded; after a failure records which ones did (they do not run again) and schedules the retry. A node that
    /// dies mid-way leaves the message to be leased again and all its handlers to run again: handlers are idempotent.
    /// </summary>
    private async Task<bool> DeliverAsync(TContext context, OutboxMessage message, CancellationToken cancellationToken)
    {
        telemetry.PickedUp(module, timeProvider.GetUtcNow().UtcDateTime - message.OccurredAt);
        using var activity = OutboxTelemetry.StartDelivery(module, message);
        var delivered = await DeliverHandlersAsync(context, message, cancellationToken);
        if (delivered)
        {
            telemetry.Delivered(module);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error, message.LastError);
        }

        return delivered;
    }

    private async Task<bool> DeliverHandlersAsync(TContext context, OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = Type.GetType(message.Type, throwOnError: false);
        if (eventType is null || !typeof(IIntegrationEvent).IsAssignableFrom(eventType))
        {
            await FailAsync(context, message, $"Unknown integration event type '{message.Type}'.", deadLetter: true, cancellationToken);
            return false;
        }

        var integrationEvent = (IIntegrationEvent)JsonSerializer.Deserialize(message.Content, eventType, OutboxMessage.SerializerOptions)!;
        var invoker = IntegrationEventInvoker.For(eventType);
        for (var index = 0; ; index++)
        {
            await using var handlerScope = scopeFactory.CreateAsyncScope();
            var handlers = invoker.Handlers(handlerScope.ServiceProvider);
            if (index >= handlers.Count)
            {
                return true;
            }

            var handler = handlers[index];
            var handlerName = handler.GetType().FullName!;
            if (message.HasCompleted(handlerName))
            {
                continue;
            }

            try
            {
                await invoker.InvokeAsync(handler, integrationEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Handler {Handler} failed on {EventType} {EventId} (attempt {Attempt})",
                    handlerName, eventType.Name, message.Id, message.Attempts + 1);
                await FailAsync(context, message, $"{handlerName}: {ex}", deadLetter: false, cancellationToken);
                return false;
            }

            message.MarkCompleted(handlerName);
        }
    }

    /// <summary>Records the failure (and the handlers that succeeded so far) on the message, read without tracking.</summary>
    private async Task FailAsync(TContext context, OutboxMessage message, string error, bool deadLetter, CancellationToken cancellationToken)
    {
        // Read without tracking, and leased by an update: every column is written back (the lease included).
        context.Entry(message).State = EntityState.Modified;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        message.LockedUntil = null;
        var deadLettered = deadLetter || message.Attempts >= _options.MaxAttempts;
        telemetry.Failed(module, deadLettered);
        if (deadLettered)
        {
            message.DeadLetteredAt = now;
            logger.LogError("Outbox message {MessageId} ({Type}) dead-lettered after {Attempts} attempt(s): {Error}",
                message.Id, message.Type, message.Attempts, message.LastError);
        }
        else
        {
            message.NextAttemptAt = now + _options.RetryDelay(message.Attempts);
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
