using ChatApp.Client.Realtime;

namespace ChatApp.UnitTests.Client;

public sealed class SyncCursorTests
{
    private static readonly Guid Room = Guid.NewGuid();

    [Fact]
    public void The_cursor_advances_only_over_contiguous_sequence_numbers()
    {
        var cursor = new SyncCursor(new Dictionary<Guid, long> { [Room] = 4 });

        Assert.True(cursor.Observe(Room, 5));
        Assert.True(cursor.Observe(Room, 3));
        Assert.False(cursor.Observe(Room, 7));

        Assert.Equal(5, cursor[Room]);
    }

    [Fact]
    public void A_room_the_cursor_does_not_know_starts_at_zero()
    {
        var cursor = new SyncCursor();

        Assert.False(cursor.Observe(Room, 3));
        Assert.True(cursor.Observe(Room, 1));
        Assert.Equal(1, cursor[Room]);
    }

    [Fact]
    public void A_sync_answer_moves_rooms_forward_only_and_drops_removed_rooms()
    {
        var other = Guid.NewGuid();
        var gone = Guid.NewGuid();
        var cursor = new SyncCursor(new Dictionary<Guid, long> { [Room] = 9, [other] = 2, [gone] = 4 });

        cursor.Apply(new Dictionary<Guid, long> { [Room] = 7, [other] = 6 }, [gone]);

        Assert.Equal(new Dictionary<Guid, long> { [Room] = 9, [other] = 6 }, cursor.Snapshot());
    }
}
