using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ModeratorDeleteMessage;

internal sealed record ModeratorDeleteMessageCommand(Guid MessageId) : ICommand<Result>;

/// <summary>
/// A moderator deletes a message (through <see cref="IMessageModeration"/>): the same tombstone, room event, search-index
/// removal, member notice and release of pictures as the sender's own delete (<see cref="MessageChanges.DeleteAsync"/>). Deleting twice changes nothing.
/// </summary>
internal sealed class ModeratorDeleteMessageHandler(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<ModeratorDeleteMessageCommand, Result>
{
    public async ValueTask<Result> Handle(ModeratorDeleteMessageCommand command, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == command.MessageId, cancellationToken);
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }

        if (message.DeletedAt is not null)
        {
            return Result.Success();
        }

        var deleted = await MessageChanges.DeleteAsync(db, message, ids, timeProvider.GetUtcNowForStorage(), cancellationToken);
        afterCommit.Run(ct => notifier.MessageUpdatedAsync(deleted, ct));
        return Result.Success();
    }
}
