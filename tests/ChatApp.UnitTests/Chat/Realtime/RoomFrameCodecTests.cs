using System.Text;
using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace ChatApp.UnitTests.Chat.Realtime;

public sealed class RoomFrameCodecTests
{
    private static readonly IHubProtocol Json = new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions()));

    [Fact]
    public void A_batch_of_frames_crosses_the_backplane_with_its_rooms_numbers_recipients_and_serialised_events()
    {
        var node = Guid.NewGuid();
        Guid[] lobbyMembers = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        RoomFrame[] frames =
        [
            new(Guid.NewGuid(), 5, 7, lobbyMembers, new SerializedHubMessage(new InvocationMessage("MessagesCreated", [new[] { "a", "b" }]))),
            new(Guid.NewGuid(), 0, 0, [], new SerializedHubMessage(new InvocationMessage("ReadPositionChanged", [42]))),
        ];

        var (decodedNode, decoded) = RoomFrameCodec.Decode(RoomFrameCodec.Encode(node, frames, [Json]));

        Assert.Equal(node, decodedNode);
        Assert.Equal(frames.Select(f => (f.RoomId, f.FirstSeq, f.LastSeq)), decoded.Select(f => (f.RoomId, f.FirstSeq, f.LastSeq)));
        Assert.Equal(lobbyMembers, decoded[0].Recipients);
        Assert.Empty(decoded[1].Recipients);
        Assert.Null(decoded[0].Message.Message); // a receiving node writes the bytes as they came
        Assert.Equal(
            Encoding.UTF8.GetString(frames[0].Message.GetSerializedMessage(Json).Span),
            Encoding.UTF8.GetString(decoded[0].Message.GetSerializedMessage(Json).Span));
        Assert.Contains("\"target\":\"MessagesCreated\"", Encoding.UTF8.GetString(decoded[0].Message.GetSerializedMessage(Json).Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Something_else_on_the_channel_is_refused_as_unreadable()
    {
        Assert.Throws<FormatException>(() => RoomFrameCodec.Decode(Encoding.UTF8.GetBytes("hello")));
        var valid = RoomFrameCodec.Encode(Guid.NewGuid(), [new(Guid.NewGuid(), 1, 1, [Guid.NewGuid()], new SerializedHubMessage(new InvocationMessage("X", [])))], [Json]);
        Assert.Throws<FormatException>(() => RoomFrameCodec.Decode(valid.AsMemory(0, valid.Length - 3)));
    }
}
