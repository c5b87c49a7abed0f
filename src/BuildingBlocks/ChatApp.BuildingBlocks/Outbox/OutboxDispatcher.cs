using System.Text.Json;
using ChatApp.BuildingBlocks.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Outbox;

/// <summary>
/// Delivers one module's outbox messages to the integration event handlers of every module, in occurrence order.
/// A node leases a message before handling it, so several nodes can run dispatchers side by side. Each handler runs in
/// its own scope and is recorded on the message once it succeeds: after a failure the message is retried with
/// exponential back-off and only the handlers that have not yet succeeded run again. After
/// <see cref="OutboxOptions.MaxAttempts"/> failures the message is dead-lettered (kept, with its last error).
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    string module,
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = signal.Subscribe();
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

    /// <summary>Handles the messages that are due; returns how many it looked at.</summary>
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
            .Select(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var id in due)
        {
            DateTime? leaseEnd = timeProvider.GetUtcNow().UtcDateTime + _options.LeaseDuration;
            var claimed = await outbox
                .Where(m => m.Id == id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0)
            {
                continue; // another node took it
            }

            var message = await outbox.SingleAsync(m => m.Id == id, cancellationToken);
            await DeliverAsync(context, message, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(TContext context, OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = Type.GetType(message.Type, throwOnError: false);
        if (eventType is null || !typeof(IIntegrationEvent).IsAssignableFrom(eventType))
        {
            await FailAsync(context, message, $"Unknown integration event type '{message.Type}'.", deadLetter: true, cancellationToken);
            return;
        }

        var integrationEvent = (IIntegrationEvent)JsonSerializer.Deserialize(message.Content, eventType, OutboxMessage.SerializerOptions)!;
        var invoker = IntegrationEventInvoker.For(eventType);
        int handlerCount;
        await using (var probe = scopeFactory.CreateAsyncScope())
        {
            handlerCount = invoker.Handlers(probe.ServiceProvider).Count;
        }

        for (var index = 0; index < handlerCount; index++)
        {
            await using var handlerScope = scopeFactory.CreateAsyncScope();
            var handler = invoker.Handlers(handlerScope.ServiceProvider)[index];
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
                return;
            }

            message.MarkCompleted(handlerName);
            await context.SaveChangesAsync(cancellationToken);
        }

        message.ProcessedAt = timeProvider.GetUtcNow().UtcDateTime;
        message.LockedUntil = null;
        await context.SaveChangesAsync(cancellationToken);
    }

    private async Task FailAsync(TContext context, OutboxMessage message, string error, bool deadLetter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        message.LockedUntil = null;
        if (deadLetter || message.Attempts >= _options.MaxAttempts)
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
