using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Features.EraseAccount;
using ChatApp.Modules.Chat.Persistence;
using ChatApp.Modules.Chat.Realtime;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

public sealed class ParallelEraseTests(DeletionFactory factory) : IntegrationTest<DeletionFactory>(factory)
{
    [Fact]
    public async Task Two_erases_of_one_account_at_once_tombstone_each_message_once_with_contiguous_sequences()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        for (var i = 0; i < 30; i++)
        {
            await Chat.SendAsync(ann, room.Id, $"words {i}");
            await Chat.SendAsync(bob, room.Id, $"reply {i}");
        }

        await Task.WhenAll(EraseAsync(ann.Id), EraseAsync(ann.Id));

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var annsMessages = await db.Messages.Where(m => m.SenderId == ann.Id).Select(m => new { m.Id, m.DeletedAt }).ToListAsync();
        Assert.Equal(30, annsMessages.Count);
        Assert.All(annsMessages, m => Assert.NotNull(m.DeletedAt));
        var deletedEvents = await db.RoomEvents.Where(e => e.RoomId == room.Id && e.Kind == RoomEventKinds.MessageDeleted).Select(e => e.MessageId).ToListAsync();
        Assert.Equal(annsMessages.Select(m => (Guid?)m.Id).Order(), deletedEvents.Order());
        var seqs = await db.RoomEvents.Where(e => e.RoomId == room.Id).Select(e => e.Seq).OrderBy(s => s).ToListAsync();
        var lastSeq = await db.Rooms.Where(r => r.Id == room.Id).Select(r => r.LastSeq).SingleAsync();
        Assert.Equal(seqs.Distinct().Count(), seqs.Count);
        Assert.Equal(lastSeq, seqs[^1]);
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs);
        Assert.Equal(1, await db.RoomEvents.CountAsync(e => e.RoomId == room.Id && e.Kind == RoomEventKinds.MemberLeft && e.UserId == ann.Id));
    }

    [Fact]
    public async Task The_erase_forgets_when_the_account_was_last_seen()
    {
        var ann = await Api.NewUserAsync();
        var presence = Factory.Services.GetRequiredService<IPresenceStore>();
        await presence.ConnectedAsync(ann.Id, "connection", DateTime.UtcNow);
        await presence.DisconnectedAsync(ann.Id, "connection", DateTime.UtcNow);
        Assert.NotNull((await presence.GetAsync([ann.Id], DateTime.UtcNow))[ann.Id].LastSeenAt);

        await EraseAsync(ann.Id);

        Assert.Null((await presence.GetAsync([ann.Id], DateTime.UtcNow))[ann.Id].LastSeenAt);
    }

    private async Task EraseAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await Task.Yield();
        for (var batch = 0; batch < 100; batch++)
        {
            using var inner = scope.ServiceProvider.CreateScope();
            if ((await inner.ServiceProvider.GetRequiredService<ISender>().Send(new EraseAccountCommand(userId))).Finished)
            {
                return;
            }
        }

        Assert.Fail("the erase did not finish");
    }
}
