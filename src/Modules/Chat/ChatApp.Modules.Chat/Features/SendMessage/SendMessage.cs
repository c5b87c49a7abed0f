using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary><c>attachments</c>: up to 10 media ids of my pictures uploaded with purpose <c>chat</c>; the text may then be empty.</summary>
internal sealed record SendMessageRequest(string ClientMessageId, string? Text, Guid? ReplyTo, IReadOnlyList<Guid>? Attachments = null);

[TransactionExemption(TransactionExemption.OwnTransaction,
    "The batched message writer stores the sends of this node in one transaction per batch, and answers each send after that commit.")]
internal sealed record SendMessageCommand(Guid UserId, Guid RoomId, string ClientMessageId, string Text, Guid? ReplyTo, IReadOnlyList<Guid>? Attachments = null)
    : ICommand<Result<SendMessageResult>>;

/// <summary>The stored message; <c>Created</c> is false when this was a retry of a send that had already been stored.</summary>
internal sealed record SendMessageResult(MessageResponse Message, bool Created);

internal sealed class SendMessageValidator : AbstractValidator<SendMessageCommand>
{
    public SendMessageValidator()
    {
        RuleFor(c => c.ClientMessageId).NotEmpty().MaximumLength(Message.ClientMessageIdMaxLength);
        RuleFor(c => c.Text).MessageText().When(c => c.Attachments is not { Count: > 0 });
        RuleFor(c => c.Text).MessageText(required: false).When(c => c.Attachments is { Count: > 0 });
        RuleFor(c => c.Attachments!)
            .Must(a => a.Count <= Message.MaxAttachments).WithMessage($"At most {Message.MaxAttachments} attachments.")
            .Must(a => a.Distinct().Count() == a.Count).WithMessage("The same attachment twice.")
            .Must(a => !a.Contains(Guid.Empty)).WithMessage("An attachment id is empty.")
            .When(c => c.Attachments is not null)
            .OverridePropertyName("attachments");
    }
}

/// <summary>
/// Stores a message with the room's next sequence number and records it as a room event. Idempotent per
/// (sender, client message id): a retry, even concurrent with the original, returns the original and stores nothing.
/// Sending also moves the sender's read position to the message. The checks and the write happen in
/// <see cref="MessageWriter"/>, which stores the sends of this node in batches.
/// </summary>
internal sealed class SendMessageHandler(MessageWriter writer, IMediaCatalog media) : ICommandHandler<SendMessageCommand, Result<SendMessageResult>>
{
    public async ValueTask<Result<SendMessageResult>> Handle(SendMessageCommand command, CancellationToken cancellationToken)
    {
        if (command.Attachments is { Count: > 0 } attachments)
        {
            // Through Media's Contracts: each picture exists, is the sender's own and was uploaded for chat.
            var found = await media.GetImagesAsync(attachments, cancellationToken);
            var invalid = attachments
                .Where(id => !found.TryGetValue(id, out var image) || image.OwnerId != command.UserId || image.Purpose != MediaPurpose.Chat)
                .ToList();
            if (invalid.Count > 0)
            {
                return ChatErrors.InvalidAttachments(invalid);
            }
        }

        return await writer.SendAsync(command with { Text = UserText.Normalize(command.Text ?? "", UserTextKind.Text) }, cancellationToken);
    }
}
