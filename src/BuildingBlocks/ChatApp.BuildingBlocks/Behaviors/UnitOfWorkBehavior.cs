using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Behaviors;

/// <summary>
/// Last in the pipeline, for commands only: runs the handler in a transaction of its module's DbContext, saves and
/// commits on success (including outbox rows the handler added), rolls back on a failed result or an exception.
/// Commands that must persist something on a failure path (a failed sign-in counting towards lockout) implement
/// <see cref="INonTransactionalCommand"/> and save on their own.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IServiceProvider services,
    ModuleDatabaseRegistry registry,
    OutboxSignal outboxSignal)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var database = registry.ForAssembly(typeof(TMessage).Assembly);
        if (database is null || message is INonTransactionalCommand)
        {
            return await next(message, cancellationToken);
        }

        var context = (DbContext)services.GetRequiredService(database.ContextType);
        if (context.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (response is Result { IsSuccess: false })
        {
            await transaction.RollbackAsync(cancellationToken);
            context.ChangeTracker.Clear();
            return response;
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        return response;
    }
}

/// <summary>Marks a command whose handler manages its own saves and transactions.</summary>
public interface INonTransactionalCommand;
