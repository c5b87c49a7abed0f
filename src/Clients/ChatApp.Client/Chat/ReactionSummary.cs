namespace ChatApp.Client.Chat;

/// <summary>Who reacted with an emoji (server: ReactionSummary).</summary>
public sealed record ReactionSummary(Guid MessageId, string Emoji, int Count, IReadOnlyList<Guid> UserIds);
