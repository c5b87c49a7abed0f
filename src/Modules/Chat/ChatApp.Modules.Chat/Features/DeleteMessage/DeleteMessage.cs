using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Chat.Search;

namespace ChatApp.Modules.Chat.Features.DeleteMessage;

internal sealed record DeleteMessageCommand(Guid UserId, Guid RoomId, Guid MessageId) : ICommand<Result>;

/// <summary>
/// The sender deletes: the text is erased and a tombstone stays, told to the members once committed. Deleting twice
/// changes nothing.
/// </summary>
internal sealed class DeleteMessageHandler(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<DeleteMessageCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteMessageCommand command, CancellationToken cancellationToken)
    {
        var found = await MessageChanges.FindOwnAsync(db, command.UserId, command.RoomId, command.MessageId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var message = found.Value;
        if (message.DeletedAt is not null)
        {
            return Result.Success();
        }

        var deleted = await MessageChanges.DeleteAsync(db, message, ids, timeProvider.GetUtcNowForStorage(), cancellationToken);
        afterCommit.Run(ct => notifier.MessageUpdatedAsync(deleted, ct));
        return Result.Success();
    }
}
