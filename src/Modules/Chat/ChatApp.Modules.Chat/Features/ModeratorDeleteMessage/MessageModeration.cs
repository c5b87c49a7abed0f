namespace ChatApp.Modules.Chat.Features.ModeratorDeleteMessage;

/// <summary>Answers <see cref="IMessageModeration"/>: a <see cref="ModeratorDeleteMessageCommand"/> in Chat's own unit of work.</summary>
internal sealed class MessageModeration(ISender sender) : IMessageModeration
{
    public async Task<Result> DeleteAsync(Guid messageId, CancellationToken cancellationToken) =>
        await sender.Send(new ModeratorDeleteMessageCommand(messageId), cancellationToken);
}
