namespace ChatApp.LoadTest;

/// <summary>The part of a message in the server's MessagesCreated frames (and SendMessage's answer) the tool reads.</summary>
/// <remarks>Public, with setters: MessagePack's contractless resolver reads only public types.</remarks>
public sealed class MessageDto
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    public string ClientMessageId { get; set; } = "";
}
