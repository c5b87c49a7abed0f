using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.UnitTests;

public sealed class MessageFramesTests
{
    private static readonly Guid Ann = Guid.NewGuid(), Bob = Guid.NewGuid(), Cid = Guid.NewGuid(), Dan = Guid.NewGuid();
    private static readonly Guid Lobby = Guid.NewGuid(), Pair = Guid.NewGuid();

    [Fact]
    public void Each_room_of_the_batch_is_one_frame_for_its_members_with_its_messages_in_sequence_order()
    {
        Guid[] lobby = [Ann, Bob, Cid];
        Guid[] pair = [Bob, Dan];
        var batch = new[] { (lobby, Message(Lobby, 7)), (lobby, Message(Lobby, 8)), (pair, Message(Pair, 3)), (lobby, Message(Lobby, 9)) };

        var frames = MessageFrames.Build(batch.Select(b => ((IReadOnlyList<Guid>)b.Item1, b.Item2)), maxMessagesPerFrame: 64).ToList();

        Assert.Equal(2, frames.Count);
        Assert.Equal(Lobby, frames[0].RoomId);
        Assert.Equal(lobby, frames[0].Members);
        Assert.Equal(["7@" + Lobby, "8@" + Lobby, "9@" + Lobby], Keys(frames[0].Messages));
        Assert.Equal(Pair, frames[1].RoomId);
        Assert.Equal(pair, frames[1].Members);
        Assert.Equal(["3@" + Pair], Keys(frames[1].Messages));
    }

    [Fact]
    public void A_frame_over_the_bound_is_split_in_order()
    {
        Guid[] members = [Ann, Bob];
        var batch = Enumerable.Range(1, 10).Select(seq => ((IReadOnlyList<Guid>)members, Message(Lobby, seq)));

        var frames = MessageFrames.Build(batch, maxMessagesPerFrame: 4).ToList();

        Assert.Equal([4, 4, 2], frames.Select(f => f.Messages.Length));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), frames.SelectMany(f => f.Messages).Select(m => m.Seq));
        Assert.All(frames, f => Assert.Equal(members, f.Members));
    }

    [Fact]
    public void An_empty_batch_makes_no_frame_and_a_bound_below_one_is_refused()
    {
        Assert.Empty(MessageFrames.Build([], 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageFrames.Build([], 0).ToList());
    }

    private static MessageResponse Message(Guid room, long seq) =>
        new(Guid.NewGuid(), room, seq, Ann, $"c{seq}", "hi", null, DateTime.UnixEpoch, null, false, []);

    private static IEnumerable<string> Keys(MessageResponse[] messages) => messages.Select(m => $"{m.Seq}@{m.RoomId}");
}
