using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Chat.Search;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Features.EditMessage;

internal sealed record EditMessageRequest(string Text);

internal sealed record EditMessageCommand(Guid UserId, Guid RoomId, Guid MessageId, string Text) : ICommand<Result<MessageResponse>>;

internal sealed class EditMessageValidator : AbstractValidator<EditMessageCommand>
{
    public EditMessageValidator() => RuleFor(c => c.Text).MessageText();
}

/// <summary>
/// The sender edits the text; the edit is a room change with its own sequence number, told to the members once
/// committed. Same text: nothing changes.
/// </summary>
internal sealed class EditMessageHandler(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit, IMediaCatalog media, TimeProvider timeProvider)
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
        var text = UserText.Normalize(command.Text, UserTextKind.Text);
        if (message.Text == text)
        {
            return MessageResponse.From(message, attached);
        }

        var seq = await MessageChanges.RecordAsync(db, message, RoomEventKinds.MessageEdited, timeProvider.GetUtcNowForStorage(), m =>
        {
            m.Text = text;
            m.EditedAt = timeProvider.GetUtcNowForStorage();
        }, cancellationToken);
        // The new text's terms join the block's filter (the old ones stay; the exact check drops the message for them).
        await MessageSearchIndex.AddAsync(db, [message], cancellationToken);
        var response = MessageResponse.From(message, attached);
        var edited = new MessageUpdatedEvent(message.RoomId, seq, RoomEventKinds.MessageEdited, response);
        afterCommit.Run(ct => notifier.MessageUpdatedAsync(edited, ct));
        return response;
    }
}
