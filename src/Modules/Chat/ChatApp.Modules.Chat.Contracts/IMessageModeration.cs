using ChatApp.BuildingBlocks.Results;

namespace ChatApp.Modules.Chat.Contracts;

/// <summary>What moderators may do to messages (implemented inside Chat, used by the Moderation module).</summary>
public interface IMessageModeration
{
    /// <summary>
    /// Deletes a message as its sender would (tombstone, a room event the members are told of, pictures released), in
    /// Chat's own unit of work; deleting a deleted message succeeds. No such message: <c>chat.message_not_found</c>.
    /// </summary>
    Task<Result> DeleteAsync(Guid messageId, CancellationToken cancellationToken);
}
