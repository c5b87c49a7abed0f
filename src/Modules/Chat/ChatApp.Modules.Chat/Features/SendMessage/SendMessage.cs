using ChatApp.BuildingBlocks.Behaviors;
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
/// Sending also moves the sender's read position to the message. The checks and the write happen in
/// <see cref="MessageWriter"/>, which stores the sends of this node in batches.
/// </summary>
internal sealed class SendMessageHandler(MessageWriter writer) : ICommandHandler<SendMessageCommand, Result<SendMessageResult>>
{
    public async ValueTask<Result<SendMessageResult>> Handle(SendMessageCommand command, CancellationToken cancellationToken) =>
        await writer.SendAsync(command, cancellationToken);
}
