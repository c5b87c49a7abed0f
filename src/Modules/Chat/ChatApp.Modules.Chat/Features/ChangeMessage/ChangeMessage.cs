using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ChangeMessage;

internal sealed record EditMessageRequest(string Text);

/// <summary>Non-transactional: it takes a room sequence number in its own transaction and notifies after the commit.</summary>
internal sealed record EditMessageCommand(Guid UserId, Guid RoomId, Guid MessageId, string Text) : ICommand<Result<MessageResponse>>, INonTransactionalCommand;

internal sealed record DeleteMessageCommand(Guid UserId, Guid RoomId, Guid MessageId) : ICommand<Result>, INonTransactionalCommand;

internal sealed class EditMessageValidator : AbstractValidator<EditMessageCommand>
{
    public EditMessageValidator() => RuleFor(c => c.Text).MessageText();
}

/// <summary>The sender edits the text; the edit is a room change with its own sequence number. Same text: nothing changes.</summary>
internal sealed class EditMessageHandler(ChatDbContext db, ChatNotifier notifier, ChatApp.Modules.Media.Contracts.IMediaCatalog media, TimeProvider timeProvider)
    : ICommandHandler<EditMessageCommand, Result<MessageResponse>>
{
    public async ValueTask<Result<MessageResponse>> Handle(EditMessageCommand command, CancellationToken cancellationToken)
    {
        var found = await MessageChanges.FindOwnAsync(db, command.UserId, command.RoomId, command.MessageId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var message = found.Value;
        if (message.DeletedAt is not null)
        {
            return ChatErrors.MessageDeleted;
        }

        var attached = await MessageAttachments.LoadAsync(media, [message], cancellationToken);
        if (message.Text == command.Text)
        {
            return MessageResponse.From(message, attached);
        }

        var seq = await MessageChanges.RecordAsync(db, message, RoomEventKinds.MessageEdited, timeProvider.GetUtcNowForStorage(), m =>
        {
            m.Text = command.Text;
            m.EditedAt = timeProvider.GetUtcNowForStorage();
        }, cancellationToken);
        var response = MessageResponse.From(message, attached);
        await notifier.MessageUpdatedAsync(new MessageUpdatedEvent(message.RoomId, seq, RoomEventKinds.MessageEdited, response), cancellationToken);
        return response;
    }
}

/// <summary>The sender deletes: the text is erased and a tombstone stays. Deleting twice changes nothing.</summary>
internal sealed class DeleteMessageHandler(ChatDbContext db, ChatNotifier notifier, IIdGenerator ids, TimeProvider timeProvider) : ICommandHandler<DeleteMessageCommand, Result>
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
        await notifier.MessageUpdatedAsync(
            new MessageUpdatedEvent(message.RoomId, seq, RoomEventKinds.MessageDeleted, MessageResponse.From(message)), cancellationToken);
        return Result.Success();
    }
}

internal static class MessageChanges
{
    /// <summary>A message of a room I am a member of, that I sent; a non-member learns nothing.</summary>
    public static async Task<Result<Message>> FindOwnAsync(ChatDbContext db, Guid userId, Guid roomId, Guid messageId, CancellationToken cancellationToken)
    {
        if (!await db.IsMemberAsync(roomId, userId, cancellationToken))
        {
            return ChatErrors.RoomNotFound;
        }

        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.RoomId == roomId, cancellationToken);
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }

        return message.SenderId == userId ? message : ChatErrors.NotMessageSender;
    }

    /// <summary>Applies a change to a message under the room's next sequence number, recorded as a room event, in one transaction.</summary>
    public static async Task<long> RecordAsync(ChatDbContext db, Message message, string kind, DateTime now, Action<Message> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seq = await RoomSequence.NextAsync(db, message.RoomId, now, lastMessageId: null, cancellationToken);
        change(message);
        db.RoomEvents.Add(new RoomEvent { RoomId = message.RoomId, Seq = seq, Kind = kind, MessageId = message.Id, UserId = message.SenderId, OccurredAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return seq;
    }
}
