using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.React;

/// <summary>Adds (<c>Add</c> true) or removes my reaction. Idempotent: a change that is already so takes no sequence number and tells no one.</summary>
internal sealed record ReactCommand(Guid UserId, Guid RoomId, Guid MessageId, string Emoji, bool Add) : ICommand<Result>, INonTransactionalCommand;

internal sealed class ReactValidator : AbstractValidator<ReactCommand>
{
    public ReactValidator() =>
        RuleFor(c => c.Emoji).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Reaction.EmojiMaxLength)
            .Must(emoji => emoji.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c)))
            .WithMessage("'Emoji' must be an emoji or short code without spaces.");
}

internal sealed class ReactHandler(ChatDbContext db, ChatNotifier notifier, TimeProvider timeProvider) : ICommandHandler<ReactCommand, Result>
{
    public async ValueTask<Result> Handle(ReactCommand command, CancellationToken cancellationToken)
    {
        if (!await db.IsMemberAsync(command.RoomId, command.UserId, cancellationToken))
        {
            return ChatErrors.RoomNotFound;
        }

        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == command.MessageId && m.RoomId == command.RoomId)
            .Select(m => new { m.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }

        if (message.DeletedAt is not null)
        {
            return ChatErrors.MessageDeleted;
        }

        var now = timeProvider.GetUtcNowForStorage();
        var kind = command.Add ? RoomEventKinds.ReactionAdded : RoomEventKinds.ReactionRemoved;
        long seq;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The sequence number is taken first: its row lock orders concurrent reactions of the room.
            seq = await RoomSequence.NextAsync(db, command.RoomId, now, lastMessageId: null, cancellationToken);
            var exists = await db.Reactions.AnyAsync(
                r => r.MessageId == command.MessageId && r.UserId == command.UserId && r.Emoji == command.Emoji, cancellationToken);
            if (exists == command.Add)
            {
                await transaction.RollbackAsync(cancellationToken); // already so: give the number back
                return Result.Success();
            }

            if (command.Add)
            {
                db.Reactions.Add(new Reaction { MessageId = command.MessageId, UserId = command.UserId, Emoji = command.Emoji, CreatedAt = now });
            }
            else
            {
                await db.Reactions
                    .Where(r => r.MessageId == command.MessageId && r.UserId == command.UserId && r.Emoji == command.Emoji)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            db.RoomEvents.Add(new RoomEvent
            {
                RoomId = command.RoomId, Seq = seq, Kind = kind, MessageId = command.MessageId, UserId = command.UserId, Detail = command.Emoji, OccurredAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.ReactionChangedAsync(
            new ReactionChangedEvent(command.RoomId, seq, kind, command.MessageId, command.UserId, command.Emoji), cancellationToken);
        return Result.Success();
    }
}
