using ChatApp.Modules.Chat.Realtime;
using ChatApp.UnitTests.Chat.SendMessage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.UnitTests.Chat.Realtime;

/// <summary>Each room's events reach this node's connections in sequence order, whichever node published them when.</summary>
public sealed class RoomStreamsTests : IDisposable
{
    private static readonly Guid Lobby = Guid.NewGuid(), Pair = Guid.NewGuid();
    private static readonly Guid[] Members = [Guid.NewGuid(), Guid.NewGuid()];
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingFrameWriter _connections = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Frames_in_order_go_out_at_once()
    {
        var streams = Streams();

        streams.Deliver(Frame(Lobby, 1, 3));
        streams.Deliver(Frame(Lobby, 4, 4));
        streams.Deliver(Frame(Pair, 9, 9)); // the first frame of a room this node has not followed goes out as it is

        Assert.Equal(["1-3@Lobby", "4-4@Lobby", "9-9@Pair"], Written());
    }

    [Fact]
    public void A_frame_that_overtook_an_earlier_number_waits_for_it_and_both_go_out_in_order()
    {
        var streams = Streams();
        streams.Deliver(Frame(Lobby, 1, 4));

        streams.Deliver(Frame(Lobby, 7, 8)); // 5 and 6 are still on their way from the other node
        streams.Deliver(Frame(Pair, 1, 1)); // another room is not held up
        Assert.Equal(["1-4@Lobby", "1-1@Pair"], Written());

        streams.Deliver(Frame(Lobby, 6, 6));
        streams.Deliver(Frame(Lobby, 5, 5));

        Assert.Equal(["1-4@Lobby", "1-1@Pair", "5-5@Lobby", "6-6@Lobby", "7-8@Lobby"], Written());
    }

    [Fact]
    public void A_number_that_never_comes_is_given_up_after_the_gap_wait_and_a_late_arrival_is_dropped()
    {
        var streams = Streams(gapWait: TimeSpan.FromMilliseconds(500));
        streams.Deliver(Frame(Lobby, 1, 1));
        streams.Deliver(Frame(Lobby, 3, 3));
        streams.Deliver(Frame(Lobby, 5, 5));

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(["1-1@Lobby"], Written());

        _time.Advance(TimeSpan.FromMilliseconds(1)); // 2 is given up: 3 goes out; 4 is missing too, so 5 waits again
        Assert.Equal(["1-1@Lobby", "3-3@Lobby"], Written());

        streams.Deliver(Frame(Lobby, 2, 2)); // too late: the client has seen 3 and fills 2 from history
        streams.Deliver(Frame(Lobby, 4, 4));
        Assert.Equal(["1-1@Lobby", "3-3@Lobby", "4-4@Lobby", "5-5@Lobby"], Written());

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(4, Written().Count);
    }

    [Fact]
    public void Events_without_a_number_go_out_at_once_even_while_a_frame_is_held()
    {
        var streams = Streams();
        streams.Deliver(Frame(Lobby, 1, 1));
        streams.Deliver(Frame(Lobby, 3, 3));

        streams.Deliver(Frame(Lobby, 0, 0));

        Assert.Equal(["1-1@Lobby", "0-0@Lobby"], Written());
    }

    public void Dispose() => _services.Dispose();

    private RoomStreams Streams(TimeSpan? gapWait = null) => TestRealtime.Streams(_services, _connections, _time, gapWait);

    private static RoomFrame Frame(Guid room, long first, long last) =>
        new(room, first, last, Members, new SerializedHubMessage(new InvocationMessage("Test", [$"{first}-{last}@{(room == Lobby ? "Lobby" : "Pair")}"])));

    private List<string> Written() => _connections.Written.Select(w => (string)w.Args[0]!).ToList();
}
