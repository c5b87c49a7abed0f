using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>Where <see cref="RoomStreams"/> sends frames once they are in order: this node's connections (<see cref="LocalConnections"/>).</summary>
internal interface IRoomFrameWriter
{
    /// <summary>Writes the message to the users' connections on this node; returns how many connections it went to.</summary>
    int Write(IReadOnlyList<Guid> users, SerializedHubMessage message);
}
