using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>A send stored by <see cref="MessageStore"/>: its message, its room as it was then, and the answer given.</summary>
internal sealed class StoredMessage(PendingSend pending, Message message, RoomInfo room)
{
    public PendingSend Pending { get; } = pending;

    public Message Message { get; } = message;

    public RoomInfo Room { get; } = room;

    /// <summary>Set once the batch has committed; what the sender got and what the broadcast sends.</summary>
    public MessageResponse? Response { get; set; }
}
