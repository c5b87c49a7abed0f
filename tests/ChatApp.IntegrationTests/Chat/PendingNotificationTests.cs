using System.Net;
using ChatApp.BuildingBlocks.Events;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Chat.Persistence;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Chat;

public sealed class PendingNotificationTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_message_for_someone_with_no_live_connection_leaves_a_pending_notification_and_none_for_those_online()
    {
        var owner = await Api.NewUserAsync();
        var online = await Api.NewUserAsync();
        var offline = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "notify", online.Id, offline.Id);
        await using var onlinePhone = await HubClient.ConnectAsync(Factory, online.Tokens.AccessToken);
        // A hub call is answered only after OnConnectedAsync has run, so the server now counts this user as online.
        await onlinePhone.Connection.InvokeAsync<object>("MarkRead", room.Id, 0L);

        var sent = await Chat.SendAsync(owner, room.Id, "anyone?");

        var pending = await WaitForPendingAsync(sent.Id, expected: 1);
        var notification = Assert.Single(pending);
        Assert.Equal(offline.Id, notification.UserId);
        Assert.Equal(room.Id, notification.RoomId);
        Assert.Equal(sent.Seq, notification.Seq);
        Assert.Equal(owner.Id, notification.SenderId);
    }

    [Fact]
    public async Task Reading_the_room_clears_what_was_pending_up_to_the_read_position()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var first = await Chat.SendAsync(ann, room.Id, "one");
        var second = await Chat.SendAsync(ann, room.Id, "two");
        await WaitForPendingAsync(first.Id, expected: 1);
        await WaitForPendingAsync(second.Id, expected: 1);

        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, first.Seq)).StatusCode);

        Assert.Empty(await PendingAsync(first.Id));
        Assert.Single(await PendingAsync(second.Id));
    }

    [Fact]
    public async Task Handling_the_same_event_again_records_nothing_new()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var sent = await Chat.SendAsync(ann, room.Id, "once");
        var recorded = Assert.Single(await WaitForPendingAsync(sent.Id, expected: 1));

        // The outbox delivers at least once: a redelivery of the same messages must not double the notifications.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler<MessagesPostedIntegrationEvent>>();
            var again = new MessagesPostedIntegrationEvent(Guid.NewGuid(), DateTime.UtcNow, [new PostedMessage(sent.Id, room.Id, sent.Seq, ann.Id, [recorded.UserId])]);
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(again, CancellationToken.None);
            }
        }

        Assert.Single(await PendingAsync(sent.Id));
    }

    private async Task<List<Modules.Chat.Domain.PendingNotification>> PendingAsync(Guid messageId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        return await db.PendingNotifications.AsNoTracking().Where(n => n.MessageId == messageId).ToListAsync();
    }

    /// <summary>The outbox handles the event shortly after the commit; this polls the table (it raises no event to await).</summary>
    private async Task<List<Modules.Chat.Domain.PendingNotification>> WaitForPendingAsync(Guid messageId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var pending = await PendingAsync(messageId);
            if (pending.Count >= expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, pending.Count);
                return pending;
            }

            await Task.Delay(50);
        }
    }
}
