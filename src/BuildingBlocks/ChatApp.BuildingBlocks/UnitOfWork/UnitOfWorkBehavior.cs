using System.Data;
using System.Reflection;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.UnitOfWork;

/// <summary>
/// Last in the pipeline, for commands only: runs the handler in a transaction of its module's DbContext, saves and
/// commits on success (including outbox rows the handler added), rolls back on a failed result or an exception. The
/// side effects the handler queued on <see cref="AfterCommit"/> run after the commit and never after a rollback.
/// <para>
/// Concurrency outcomes are handled here, once: when the transaction meets a deadlock, a unique-key race (an
/// idempotent command done twice at once, a direct room opened from both sides) or a row changed under it, the handler
/// runs again from the start in a fresh transaction, up to <see cref="MaxAttempts"/> times, and then sees the winner's row.
/// </para>
/// <para>
/// On MySQL the transaction reads committed data (READ COMMITTED): a handler that locks a row (a room's sequence) and
/// then reads sees what the previous holder of the lock committed. SQLite transactions are serialised anyway.
/// </para>
/// A few commands carry a <see cref="TransactionExemptionAttribute"/>; the architecture tests keep that list short.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IServiceProvider services,
    ModuleDatabaseRegistry registry,
    OutboxSignal outboxSignal,
    AfterCommit afterCommit,
    ILogger<UnitOfWorkBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public const int MaxAttempts = 3;

    private static readonly TransactionExemption? Exemption = typeof(TMessage).GetCustomAttribute<TransactionExemptionAttribute>()?.Exemption;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var database = registry.ForAssembly(typeof(TMessage).Assembly);
        if (database is null || Exemption == TransactionExemption.OwnTransaction)
        {
            return await WithoutTransactionAsync(message, next, cancellationToken);
        }

        var context = (DbContext)services.GetRequiredService(database.ContextType);
        if (context.Database.CurrentTransaction is not null)
        {
            // Sent by a handler of the same module: part of that unit of work, its side effects run after that commit.
            return await next(message, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            using var sideEffects = afterCommit.Begin();
            TResponse response;
            try
            {
                await using var transaction = await BeginAsync(context, cancellationToken);
                response = await next(message, cancellationToken);
                if (response is Result { IsSuccess: false } && Exemption != TransactionExemption.CommitOnFailure)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    context.ChangeTracker.Clear();
                    return response;
                }

                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxAttempts && DatabaseErrors.IsConflict(ex))
            {
                context.ChangeTracker.Clear();
                logger.LogInformation("{Command} met a concurrent change ({Error}); running it again (attempt {Attempt})",
                    typeof(TMessage).Name, ex.GetBaseException().Message, attempt + 1);
                continue;
            }
            catch
            {
                context.ChangeTracker.Clear();
                throw;
            }

            outboxSignal.Notify();
            await sideEffects.CommittedAsync();
            return response;
        }
    }

    private async ValueTask<TResponse> WithoutTransactionAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var sideEffects = afterCommit.Begin();
        var response = await next(message, cancellationToken);
        if (response is not Result { IsSuccess: false })
        {
            await sideEffects.CommittedAsync();
        }

        return response;
    }

    private static Task<IDbContextTransaction> BeginAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.IsMySql()
            ? context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : context.Database.BeginTransactionAsync(cancellationToken);
}
