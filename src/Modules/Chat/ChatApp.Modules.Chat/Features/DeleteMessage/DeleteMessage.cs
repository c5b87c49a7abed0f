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

        var now = timeProvider.GetUtcNowForStorage();
        var seq = await MessageChanges.RecordAsync(db, message, RoomEventKinds.MessageDeleted, now, m =>
        {
            m.Text = "";
            m.DeletedAt = now;
            if (m.Attachments is not null)
            {
                // In the same transaction, through the outbox: Media deletes the pictures once no message uses them.
                db.AddIntegrationEvent(new MessageDeletedIntegrationEvent(ids.NewId(), now, m.Id, m.RoomId, m.AttachmentIds));
            }
        }, cancellationToken);
        await MessageSearchIndex.RemoveAsync(db, [message.Id], cancellationToken);
        var deleted = new MessageUpdatedEvent(message.RoomId, seq, RoomEventKinds.MessageDeleted, MessageResponse.From(message));
        afterCommit.Run(ct => notifier.MessageUpdatedAsync(deleted, ct));
        return Result.Success();
    }
}
