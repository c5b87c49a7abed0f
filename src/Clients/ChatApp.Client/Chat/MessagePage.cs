namespace ChatApp.Client.Chat;

/// <summary>A page of history, oldest first (server: MessagePage).</summary>
public sealed record MessagePage(IReadOnlyList<Message> Messages, bool HasMore, IReadOnlyList<ReactionSummary> Reactions);
