namespace ChatApp.Modules.Chat.Domain;

/// <summary>The blocker does not want to hear from the blocked user: no direct room, no direct messages, either way.</summary>
internal sealed class Block
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTime CreatedAt { get; set; }
}
