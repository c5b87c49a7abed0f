namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// The message a push notification announces. <c>Text</c> is at most <see cref="TextMaxElements"/> text elements
/// (user-perceived characters; a surrogate pair or an emoji sequence is never split), ending in "…" when it was cut;
/// it may be empty when the message has only pictures (<c>HasAttachments</c>).
/// </summary>
public sealed record PushMessagePreview(Guid MessageId, long Seq, Guid SenderId, string Text, bool HasAttachments)
{
    public const int TextMaxElements = 180;
}
