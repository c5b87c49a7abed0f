using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Contracts;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Chat;

/// <summary><see cref="IPushContent"/> as the push sender calls it, over data made through the REST API.</summary>
public abstract class PushContentTestCases<TFactory>(TFactory factory) : IntegrationTest<TFactory>(factory)
    where TFactory : ChatAppFactory
{
    [Fact]
    public async Task A_member_sees_the_newest_message_of_someone_else_with_the_room_and_a_badge_equal_to_the_rest_unread_counts()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var outsider = await Api.NewUserAsync("Outsider");
        var group = await Chat.CreateGroupAsync(ann, "Team", bob.Id);
        var direct = await Chat.OpenDirectAsync(ann, bob.Id);
        await Chat.SendAsync(ann, group.Id, "first");
        var newest = await Chat.SendAsync(ann, group.Id, "second");
        var directMessage = await Chat.SendAsync(ann, direct.Id, "psst");

        var snapshot = await GetAsync(new PushContentKey(bob.Id, group.Id), new(bob.Id, direct.Id), new(ann.Id, group.Id), new(outsider.Id, group.Id));

        var bobsGroup = snapshot.Rooms[new(bob.Id, group.Id)];
        var bobsRooms = await Chat.RoomsAsync(bob);
        Assert.True(bobsGroup.IsMember);
        Assert.Equal(bobsRooms.Single(r => r.Id == group.Id).ReadSeq, bobsGroup.ReadSeq);
        Assert.Equal((PushRoomKind.Group, "Team"), (bobsGroup.Kind, bobsGroup.RoomName));
        Assert.Equal(new PushMessagePreview(newest.Id, newest.Seq, ann.Id, "second", false), bobsGroup.Latest);

        var bobsDirect = snapshot.Rooms[new(bob.Id, direct.Id)];
        Assert.Equal((PushRoomKind.Direct, (string?)null), (bobsDirect.Kind, bobsDirect.RoomName));
        Assert.Equal(new PushMessagePreview(directMessage.Id, directMessage.Seq, ann.Id, "psst", false), bobsDirect.Latest);

        // Only Ann's own messages are there: nothing to announce to her.
        var annsGroup = snapshot.Rooms[new(ann.Id, group.Id)];
        Assert.Equal((true, (PushMessagePreview?)null), (annsGroup.IsMember, annsGroup.Latest));

        Assert.Same(PushRoomContent.NotMember, snapshot.Rooms[new(outsider.Id, group.Id)]);

        Assert.Equal(bobsRooms.Sum(r => r.UnreadCount), snapshot.TotalUnread[bob.Id]);
        Assert.Equal(3, snapshot.TotalUnread[bob.Id]);
        Assert.Equal((await Chat.RoomsAsync(ann)).Sum(r => r.UnreadCount), snapshot.TotalUnread[ann.Id]);
        Assert.Equal(0, snapshot.TotalUnread[outsider.Id]);
    }

    [Fact]
    public async Task Reading_a_room_leaves_nothing_to_announce_there()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var sent = await Chat.SendAsync(ann, room.Id, "read me");
        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, sent.Seq)).StatusCode);

        var snapshot = await GetAsync(new PushContentKey(bob.Id, room.Id));

        var content = snapshot.Rooms[new(bob.Id, room.Id)];
        Assert.Equal((true, sent.Seq, (PushMessagePreview?)null), (content.IsMember, content.ReadSeq, content.Latest));
        Assert.Equal(0, snapshot.TotalUnread[bob.Id]);
    }

    [Fact]
    public async Task Messages_from_someone_with_a_block_either_way_are_never_the_one_announced()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var carol = await Api.NewUserAsync("Carol");
        var dave = await Api.NewUserAsync("Dave");
        var room = await Chat.CreateGroupAsync(ann, "Team", bob.Id, carol.Id, dave.Id);
        var fromDave = await Chat.SendAsync(dave, room.Id, "from dave");
        await Chat.SendAsync(ann, room.Id, "from ann");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null)).StatusCode); // Bob blocked the sender
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{carol.Id}", null)).StatusCode); // the sender blocked Carol

        var snapshot = await GetAsync(new PushContentKey(bob.Id, room.Id), new(carol.Id, room.Id));

        Assert.Equal(fromDave.Id, snapshot.Rooms[new(bob.Id, room.Id)].Latest?.MessageId);
        Assert.Equal(fromDave.Id, snapshot.Rooms[new(carol.Id, room.Id)].Latest?.MessageId);
        // The badge counts as the app's unread counts do (they do not hide blocked people's messages).
        Assert.Equal((await Chat.RoomsAsync(bob)).Sum(r => r.UnreadCount), snapshot.TotalUnread[bob.Id]);
        Assert.Equal(2, snapshot.TotalUnread[bob.Id]);
    }

    [Fact]
    public async Task A_deleted_message_is_neither_announced_nor_counted()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var kept = await Chat.SendAsync(ann, room.Id, "kept");
        var deleted = await Chat.SendAsync(ann, room.Id, "oops");
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{deleted.Id}")).StatusCode);

        var snapshot = await GetAsync(new PushContentKey(bob.Id, room.Id));

        Assert.Equal(kept.Id, snapshot.Rooms[new(bob.Id, room.Id)].Latest?.MessageId);
        Assert.Equal((await Chat.RoomsAsync(bob)).Sum(r => r.UnreadCount), snapshot.TotalUnread[bob.Id]);
        Assert.Equal(1, snapshot.TotalUnread[bob.Id]);
    }

    [Fact]
    public async Task A_long_text_is_cut_between_text_elements_with_an_ellipsis_and_a_short_one_is_whole()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var family = "👩‍👩‍👧";
        await Chat.SendAsync(ann, room.Id, string.Concat(Enumerable.Repeat("a😀" + family, 100)));

        var text = (await GetAsync(new PushContentKey(bob.Id, room.Id))).Rooms[new(bob.Id, room.Id)].Latest!.Text;

        Assert.Equal(PushMessagePreview.TextMaxElements, new StringInfo(text).LengthInTextElements);
        Assert.Equal(string.Concat(Enumerable.Repeat("a😀" + family, 59)) + "a😀…", text);
    }

    [Fact]
    public async Task A_picture_message_says_it_has_attachments()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "chat");
        using var sent = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = "pic", text = "", attachments = new[] { picture.Id } });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var latest = (await GetAsync(new PushContentKey(bob.Id, room.Id))).Rooms[new(bob.Id, room.Id)].Latest;

        Assert.Equal(("", true), (latest?.Text, latest?.HasAttachments ?? false));
    }

    [Fact]
    public async Task A_backlog_of_thousands_is_counted_up_to_the_cap_and_its_newest_message_still_found()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var group = await Chat.CreateGroupAsync(ann, "Busy", bob.Id);
        var first = await Chat.SendAsync(ann, group.Id, "first");
        // The backlog goes straight into the table (a thousand sends through the API would only be slower).
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatApp.Modules.Chat.Persistence.ChatDbContext>();
            db.Messages.AddRange(Enumerable.Range(1, PushContentSnapshot.MaxTotalUnread + 4).Select(i => new ChatApp.Modules.Chat.Domain.Message
            {
                Id = Guid.CreateVersion7(), RoomId = group.Id, Seq = first.Seq + i, SenderId = ann.Id, ClientMessageId = $"backlog-{i}",
                Text = $"backlog {i}", CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var snapshot = await GetAsync(new PushContentKey(bob.Id, group.Id));

        Assert.Equal(PushContentSnapshot.MaxTotalUnread, snapshot.TotalUnread[bob.Id]);
        Assert.Equal(first.Seq + PushContentSnapshot.MaxTotalUnread + 4, snapshot.Rooms[new(bob.Id, group.Id)].Latest!.Seq);
    }

    private async Task<PushContentSnapshot> GetAsync(params PushContentKey[] keys)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<IPushContent>().GetAsync(keys, CancellationToken.None);
        Assert.Equal(keys.ToHashSet(), snapshot.Rooms.Keys.ToHashSet());
        return snapshot;
    }
}
