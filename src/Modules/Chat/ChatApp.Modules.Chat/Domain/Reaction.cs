namespace ChatApp.Modules.Chat.Domain;

/// <summary>One person's reaction with one emoji to one message.</summary>
internal sealed class Reaction
{
    public const int EmojiMaxLength = 32;

    public Guid MessageId { get; set; }

    public Guid UserId { get; set; }

    public string Emoji { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
