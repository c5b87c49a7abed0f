using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Preferences;

public sealed record MuteDto(Guid RoomId, DateTime? Until, DateTime CreatedAt);

public sealed class RoomMuteTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Notifications = "/api/v1/notifications";

    [Fact]
    public async Task A_member_mutes_a_room_for_good_lists_it_and_unmutes_it_idempotently()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();

        // No body at all: muted until unmuted.
        using (var mute = await Api.As(ann).PutAsync(MuteRoute(room.Id), null))
        {
            Assert.Equal(HttpStatusCode.OK, mute.StatusCode);
            var body = (await mute.Content.ReadFromJsonAsync<MuteDto>())!;
            Assert.Equal((room.Id, (DateTime?)null), (body.RoomId, body.Until));
        }

        Assert.Equal(room.Id, Assert.Single(await MutesAsync(ann)).RoomId);
        Assert.Empty(await MutesAsync(bob));

        using (var unmute = await Api.As(ann).DeleteAsync(MuteRoute(room.Id)))
        {
            Assert.Equal(HttpStatusCode.NoContent, unmute.StatusCode);
        }

        Assert.Empty(await MutesAsync(ann));
        using (var again = await Api.As(ann).DeleteAsync(MuteRoute(room.Id)))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        // An explicit null is also "for good".
        using (var mute = await Api.As(bob).PutAsJsonAsync(MuteRoute(room.Id), new { until = (DateTimeOffset?)null }))
        {
            Assert.Equal(HttpStatusCode.OK, mute.StatusCode);
            Assert.Null((await mute.Content.ReadFromJsonAsync<MuteDto>())!.Until);
        }

        Assert.Null(Assert.Single(await MutesAsync(bob)).Until);
    }

    [Fact]
    public async Task A_mute_until_a_time_is_listed_until_then_and_muting_again_replaces_the_end()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var group = await Chat.CreateGroupAsync(ann, "Hikers");
        var inAnHour = DateTimeOffset.UtcNow.AddHours(1);

        MuteDto first;
        using (var mute = await Api.As(ann).PutAsJsonAsync(MuteRoute(room.Id), new { until = inAnHour.ToOffset(TimeSpan.FromHours(2)) }))
        {
            Assert.Equal(HttpStatusCode.OK, mute.StatusCode);
            first = (await mute.Content.ReadFromJsonAsync<MuteDto>())!;
        }

        Assert.Equal(DateTimeKind.Utc, first.Until!.Value.Kind);
        Assert.True((first.Until.Value - inAnHour.UtcDateTime).Duration() < TimeSpan.FromMilliseconds(1));

        var tomorrow = inAnHour.AddDays(1);
        using (var mute = await Api.As(ann).PutAsJsonAsync(MuteRoute(room.Id), new { until = tomorrow }))
        {
            var second = (await mute.Content.ReadFromJsonAsync<MuteDto>())!;
            Assert.Equal(first.CreatedAt, second.CreatedAt);
            Assert.True((second.Until!.Value - tomorrow.UtcDateTime).Duration() < TimeSpan.FromMilliseconds(1));
        }

        using (var mute = await Api.As(ann).PutAsync(MuteRoute(group.Id), null))
        {
            Assert.Equal(HttpStatusCode.OK, mute.StatusCode);
        }

        var mutes = await MutesAsync(ann);
        Assert.Equal([group.Id, room.Id], mutes.Select(m => m.RoomId));
        Assert.Equal(tomorrow.UtcDateTime, mutes[1].Until!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_mute_whose_end_passed_is_no_longer_listed()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var group = await Chat.CreateGroupAsync(ann, "Hikers");
        (await Api.As(ann).PutAsJsonAsync(MuteRoute(room.Id), new { until = DateTimeOffset.UtcNow.AddMinutes(10) })).Dispose();
        (await Api.As(ann).PutAsJsonAsync(MuteRoute(group.Id), new { until = DateTimeOffset.UtcNow.AddMinutes(10) })).Dispose();
        Assert.Equal(2, (await MutesAsync(ann)).Count);

        // Time passes for the direct room's mute.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var mute = await db.RoomMutes.SingleAsync(m => m.UserId == ann.Id && m.RoomId == room.Id);
            mute.Until = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(group.Id, Assert.Single(await MutesAsync(ann)).RoomId);
    }

    [Fact]
    public async Task An_end_in_the_past_is_refused_with_400()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        using var response = await Api.As(ann).PutAsJsonAsync(MuteRoute(room.Id), new { until = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal("notifications.invalid_mute_until", problem.Code);
        Assert.Equal(["until"], problem.Errors.Keys);
        Assert.Empty(await MutesAsync(ann));
    }

    [Fact]
    public async Task Only_a_member_can_mute_a_room_others_and_unknown_rooms_get_404()
    {
        var (_, _, room) = await Chat.NewDirectRoomAsync();
        var stranger = await Api.NewUserAsync("Stranger");

        foreach (var roomId in new[] { room.Id, Guid.NewGuid() })
        {
            using var response = await Api.As(stranger).PutAsync(MuteRoute(roomId), null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("notifications.room_not_found", (await Problem.ReadAsync(response)).Code);
        }

        Assert.Empty(await MutesAsync(stranger));
    }

    private static string MuteRoute(Guid roomId) => $"{Notifications}/rooms/{roomId}/mute";

    private async Task<List<MuteDto>> MutesAsync(TestUser user)
    {
        using var response = await Api.As(user).GetAsync($"{Notifications}/mutes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<MuteDto>>())!;
    }
}
