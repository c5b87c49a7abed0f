using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// One hub event for the members of a room, numbered with the room sequence numbers it covers
/// (<paramref name="FirstSeq"/>..<paramref name="LastSeq"/>; 0..0 for an event that takes no number). The message is
/// serialised at most once per protocol, however many connections it is written to.
/// </summary>
internal sealed record RoomFrame(Guid RoomId, long FirstSeq, long LastSeq, IReadOnlyList<Guid> Recipients, SerializedHubMessage Message)
{
    public bool IsSequenced => LastSeq > 0;

    /// <summary>The hub event <paramref name="method"/>(<paramref name="arguments"/>) for the recipients.</summary>
    public static RoomFrame Of(Guid roomId, long firstSeq, long lastSeq, IReadOnlyList<Guid> recipients, string method, params object?[] arguments) =>
        new(roomId, firstSeq, lastSeq, recipients, new SerializedHubMessage(new InvocationMessage(method, arguments)));
}
