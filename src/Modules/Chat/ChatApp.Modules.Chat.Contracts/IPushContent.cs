namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// What a push notification may say, read at the moment it is sent (implemented inside Chat): whether the user is still
/// a member, how far they have read, the newest message to announce and the room's kind and name, plus each user's
/// total unread count for the badge. A few queries for the whole batch, whatever its size.
/// </summary>
public interface IPushContent
{
    Task<PushContentSnapshot> GetAsync(IReadOnlyCollection<PushContentKey> keys, CancellationToken cancellationToken);
}
