namespace ChatApp.Modules.Chat.Contracts;

/// <summary>Messages as evidence for the Moderation module (implemented inside Chat).</summary>
public interface IMessageEvidence
{
    /// <summary>The message, when <paramref name="reporterId"/> is a member of its room; null otherwise (or no such message).</summary>
    Task<MessageEvidence?> FindForReporterAsync(Guid reporterId, Guid messageId, CancellationToken cancellationToken);

    /// <summary>
    /// The messages of the room around sequence <paramref name="seq"/> (up to <paramref name="count"/> before it, the one at
    /// it, up to <paramref name="count"/> after it), in order; for moderators only.
    /// </summary>
    Task<IReadOnlyList<MessageEvidence>> AroundAsync(Guid roomId, long seq, int count, CancellationToken cancellationToken);
}
