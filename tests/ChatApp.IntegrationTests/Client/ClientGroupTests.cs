using System.Net;
using ChatApp.Client;
using ChatApp.Client.Chat;
using ChatApp.Client.Media;
using ChatApp.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Client;

/// <summary>Managing a group through the typed client (picture, roles, ownership, leaving), read in strict contract mode.</summary>
public sealed class ClientGroupTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task An_owner_sets_the_picture_and_roles_hands_the_group_on_and_members_leave()
    {
        var line = new TestServerLine(Factory);
        await using var owner = line.NewClient();
        await using var admin = line.NewClient();
        await using var member = line.NewClient();
        var ownerId = await SignUpAsync(owner, "민준");
        var adminId = await SignUpAsync(admin, "Sarah");
        var memberId = await SignUpAsync(member, "지은");
        var group = await owner.Chat.CreateGroupAsync("판교 스터디", [adminId, memberId]);
        var picture = await owner.Media.UploadImageAsync(TestImages.Solid(300, 300, SKColors.Teal), "group.jpg", "avatar", new Crop(0, 0, 300, 300));

        var withPicture = await owner.Chat.SetRoomPictureAsync(group.Id, picture.Id);
        await owner.Chat.RemoveRoomPictureAsync(group.Id);
        var withoutPicture = await member.Chat.GetRoomAsync(group.Id);
        var promoted = await owner.Chat.SetMemberRoleAsync(group.Id, adminId, RoomRoles.Admin);
        var refused = await Assert.ThrowsAsync<ChatAppApiException>(() => admin.Chat.SetMemberRoleAsync(group.Id, memberId, RoomRoles.Admin));
        var handedOn = await owner.Chat.TransferOwnershipAsync(group.Id, adminId);
        await member.Chat.LeaveAsync(group.Id);
        var gone = await Assert.ThrowsAsync<ChatAppApiException>(() => member.Chat.GetRoomAsync(group.Id));
        var left = await admin.Chat.GetRoomAsync(group.Id);

        Assert.Equal(picture.Id, withPicture.Picture?.MediaId);
        Assert.False(string.IsNullOrEmpty(withPicture.Picture?.SmallUrl));
        Assert.Null(withoutPicture.Picture);
        Assert.Equal(RoomRoles.Admin, RoleOf(promoted, adminId));
        Assert.Equal((HttpStatusCode.Forbidden, "chat.not_room_owner"), (refused.Status, refused.Code));
        Assert.Equal(adminId, handedOn.OwnerId);
        Assert.Equal((RoomRoles.Owner, RoomRoles.Admin), (RoleOf(handedOn, adminId), RoleOf(handedOn, ownerId)));
        Assert.Equal((HttpStatusCode.NotFound, "chat.room_not_found"), (gone.Status, gone.Code));
        Assert.Equal(new[] { adminId, ownerId }.Order(), left.Members!.Select(m => m.UserId).Order());
        Assert.DoesNotContain(await member.Chat.ListRoomsAsync(), r => r.Id == group.Id);
    }

    private static string RoleOf(Room room, Guid userId) => room.Members!.Single(m => m.UserId == userId).Role;

    private static async Task<Guid> SignUpAsync(ChatAppClient client, string displayName)
    {
        var email = AccountsApi.UniqueEmail();
        var registration = await client.Accounts.RegisterAsync(email, AccountsApi.Password, displayName);
        await client.Accounts.LoginAsync(email, AccountsApi.Password);
        return registration.UserId;
    }
}
