using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.SendMessage;

internal sealed record SendMessageRequest(string ClientMessageId, string Text, Guid? ReplyTo);

/// <summary>Non-transactional: it runs its own transaction so that a concurrent duplicate send can be answered with the original.</summary>
internal sealed record SendMessageCommand(Guid UserId, Guid RoomId, string ClientMessageId, string Text, Guid? ReplyTo)
    : ICommand<Result<SendMessageResult>>, INonTransactionalCommand;

/// <summary>The stored message; <c>Created</c> is false when this was a retry of a send that had already been stored.</summary>
internal sealed record SendMessageResult(MessageResponse Message, bool Created);

internal static class MessageRules
{
    public static IRuleBuilderOptions<T, string> MessageText<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Message.TextMaxLength)
            .Must(text => text.Trim().Length > 0).WithMessage("'Text' must not be blank.");
}

internal sealed class SendMessageValidator : AbstractValidator<SendMessageCommand>
{
    public SendMessageValidator()
    {
        RuleFor(c => c.ClientMessageId).NotEmpty().MaximumLength(Message.ClientMessageIdMaxLength);
        RuleFor(c => c.Text).MessageText();
    }
}

/// <summary>
/// Stores a message with the room's next sequence number and records it as a room event. Idempotent per
/// (sender, client message id): a retry, even concurrent with the original, returns the original and stores nothing.
/// Sending also moves the sender's read position to the message.
/// </summary>
internal sealed class SendMessageHandler(ChatDbContext db, ChatNotifier notifier, SendRateLimiter rateLimiter, IIdGenerator ids, TimeProvider timeProvider)
    : ICommandHandler<SendMessageCommand, Result<SendMessageResult>>
{
    public async ValueTask<Result<SendMessageResult>> Handle(SendMessageCommand command, CancellationToken cancellationToken)
    {
        // One round trip: am I a member, and for a direct room, who is the other person.
        var room = await db.Rooms.AsNoTracking()
            .Where(r => r.Id == command.RoomId && r.Members.Any(m => m.UserId == command.UserId))
            .Select(r => new
            {
                Partner = r.Kind == RoomKind.Direct ? r.Members.Where(m => m.UserId != command.UserId).Select(m => (Guid?)m.UserId).FirstOrDefault() : null,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (room is null)
        {
            return ChatErrors.RoomNotFound;
        }

        if (await FindSentAsync(command, cancellationToken) is { } replay)
        {
            return replay;
        }

        if (!rateLimiter.TryAcquire(command.UserId))
        {
            return ChatErrors.RateLimited;
        }

        if (room.Partner is { } partner && await Blocks.BetweenAsync(db, command.UserId, partner, cancellationToken))
        {
            return ChatErrors.Blocked;
        }

        if (command.ReplyTo is { } replyTo && !await db.Messages.AnyAsync(m => m.Id == replyTo && m.RoomId == command.RoomId, cancellationToken))
        {
            return Error.Validation("replyTo", "The message replied to is not in this room.");
        }

        var now = timeProvider.GetUtcNowForStorage();
        var message = new Message
        {
            Id = ids.NewId(),
            RoomId = command.RoomId,
            SenderId = command.UserId,
            ClientMessageId = command.ClientMessageId,
            Text = command.Text,
            ReplyToId = command.ReplyTo,
            CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        message.Seq = await RoomSequence.NextAsync(db, command.RoomId, now, message.Id, cancellationToken);
        db.Messages.Add(message);
        db.RoomEvents.Add(new RoomEvent
        {
            RoomId = command.RoomId, Seq = message.Seq, Kind = RoomEventKinds.MessageCreated, MessageId = message.Id, UserId = command.UserId, OccurredAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same send raced with itself: the unique (sender, client message id) index kept the first one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindSentAsync(command, cancellationToken) ?? throw new InvalidOperationException("A message failed to store.");
        }

        await db.RoomMembers.Where(m => m.RoomId == command.RoomId && m.UserId == command.UserId && m.ReadSeq < message.Seq)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSeq, message.Seq), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var response = MessageResponse.From(message);
        await notifier.MessageCreatedAsync(response, cancellationToken);
        return new SendMessageResult(response, Created: true);
    }

    private async Task<Result<SendMessageResult>?> FindSentAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var sent = await db.Messages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.SenderId == command.UserId && m.ClientMessageId == command.ClientMessageId, cancellationToken);
        if (sent is null)
        {
            return null;
        }

        return sent.RoomId == command.RoomId ? new SendMessageResult(MessageResponse.From(sent), Created: false) : ChatErrors.ClientMessageIdReused;
    }
}
