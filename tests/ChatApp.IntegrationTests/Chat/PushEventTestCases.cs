using System.Net;
using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Chat.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>What Chat publishes for push notifications: pending notices when messages reach offline people, and read positions that moved.</summary>
public abstract class PushEventTestCases<TFactory>(TFactory factory) : IntegrationTest<TFactory>(factory)
    where TFactory : ChatAppFactory
{
    [Fact]
    public async Task A_message_to_an_offline_member_publishes_one_notice()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();

        var sent = await Chat.SendAsync(ann, room.Id, "are you there?");

        await WaitUntilMessagesHandledAsync();
        var pending = Assert.Single(await PendingEventsAsync(room.Id));
        Assert.Equal([new PendingNotice(bob.Id, room.Id, sent.Id, sent.Seq, ann.Id)], pending.Notices);
    }

    [Fact]
    public async Task A_redelivered_batch_publishes_nothing_more()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var sent = await Chat.SendAsync(ann, room.Id, "once");
        await WaitUntilMessagesHandledAsync();
        Assert.Single(await PendingEventsAsync(room.Id));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var again = new MessagesPostedIntegrationEvent(Guid.NewGuid(), DateTime.UtcNow, [new PostedMessage(sent.Id, room.Id, sent.Seq, ann.Id, [bob.Id])]);
            foreach (var handler in scope.ServiceProvider.GetServices<IIntegrationEventHandler<MessagesPostedIntegrationEvent>>())
            {
                await handler.HandleAsync(again, CancellationToken.None);
            }
        }

        Assert.Single(await PendingEventsAsync(room.Id));
    }

    [Fact]
    public async Task Nobody_with_a_block_either_way_with_the_sender_is_noticed_or_left_a_pending_notification()
    {
        var ann = await Api.NewUserAsync("Ann");
        var blocker = await Api.NewUserAsync("Blocker");
        var blockedByAnn = await Api.NewUserAsync("Blocked by Ann");
        var carol = await Api.NewUserAsync("Carol");
        var room = await Chat.CreateGroupAsync(ann, "team", blocker.Id, blockedByAnn.Id, carol.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(blocker).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{blockedByAnn.Id}", null)).StatusCode);

        var sent = await Chat.SendAsync(ann, room.Id, "hi all");

        await WaitUntilMessagesHandledAsync();
        var pending = Assert.Single(await PendingEventsAsync(room.Id));
        Assert.Equal([new PendingNotice(carol.Id, room.Id, sent.Id, sent.Seq, ann.Id)], pending.Notices);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        Assert.Equal([carol.Id], await db.PendingNotifications.Where(n => n.MessageId == sent.Id).Select(n => n.UserId).ToListAsync());
    }

    [Fact]
    public async Task A_message_only_to_someone_who_blocked_the_sender_publishes_nothing()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var room = await Chat.CreateGroupAsync(ann, "two of us", bob.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null)).StatusCode);

        await Chat.SendAsync(ann, room.Id, "still here");

        await WaitUntilMessagesHandledAsync();
        Assert.Empty(await PendingEventsAsync(room.Id));
    }

    [Fact]
    public async Task Reading_further_publishes_the_new_position_and_reading_nothing_new_publishes_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var first = await Chat.SendAsync(ann, room.Id, "one");
        var second = await Chat.SendAsync(ann, room.Id, "two");

        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, second.Seq)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, second.Seq)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, first.Seq)).StatusCode);

        var read = Assert.Single(await ReadEventsAsync(room.Id));
        Assert.Equal((bob.Id, room.Id, second.Seq), (read.UserId, read.RoomId, read.ReadSeq));
    }

    [Fact]
    public async Task A_refused_read_publishes_nothing()
    {
        var (_, bob, room) = await Chat.NewDirectRoomAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await Chat.PostReadAsync(bob, room.Id, 1000)).StatusCode);

        Assert.Empty(await ReadEventsAsync(room.Id));
    }

    /// <summary>The events with notices in this room (the embedded host keeps earlier tests' data).</summary>
    private async Task<List<NotificationsPendingIntegrationEvent>> PendingEventsAsync(Guid roomId) =>
        (await StoredEvents.ReadAsync<ChatDbContext, NotificationsPendingIntegrationEvent>(Factory)).Where(e => e.Notices.Any(n => n.RoomId == roomId)).ToList();

    private async Task<List<RoomReadIntegrationEvent>> ReadEventsAsync(Guid roomId) =>
        (await StoredEvents.ReadAsync<ChatDbContext, RoomReadIntegrationEvent>(Factory)).Where(e => e.RoomId == roomId).ToList();

    /// <summary>Waits until Chat's outbox has handled every stored batch of messages, so what it would publish is published.</summary>
    private Task WaitUntilMessagesHandledAsync()
    {
        var type = $"{typeof(MessagesPostedIntegrationEvent).FullName}, {typeof(MessagesPostedIntegrationEvent).Assembly.GetName().Name}";
        return Eventually.Async(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<ChatDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type);
            return await outbox.AnyAsync() && !await outbox.AnyAsync(m => m.ProcessedAt == null);
        }, because: "Chat's outbox handles the posted messages");
    }
}
