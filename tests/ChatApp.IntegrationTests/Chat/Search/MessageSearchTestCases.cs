using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Chat.Search;
using ChatApp.Modules.Chat.Features.EraseAccount;
using ChatApp.Modules.Chat.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Chat.Search;

public sealed record SearchHighlightDto(int Start, int Length);

public sealed record SearchHitDto(
    Guid RoomId, long Seq, Guid MessageId, Guid SenderId, DateTime CreatedAt, DateTime? EditedAt, string Snippet, IReadOnlyList<SearchHighlightDto> Highlights)
{
    /// <summary>The marked parts of the snippet.</summary>
    public IReadOnlyList<string> Marked => Highlights.Select(h => Snippet.Substring(h.Start, h.Length)).ToList();
}

public sealed record SearchPageDto(IReadOnlyList<SearchHitDto> Results, string? NextCursor);

/// <summary><c>GET /api/v1/chat/search</c> through the HTTP host; run on MariaDB and on the embedded SQLite default.</summary>
public abstract class MessageSearchTestCases<TFactory>(TFactory factory) : IntegrationTest<TFactory>(factory)
    where TFactory : ChatAppFactory
{
    [Fact]
    public async Task Korean_without_spaces_is_found_inside_a_word_with_its_particle_and_the_match_is_marked()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var hit = await Chat.SendAsync(ann, room.Id, "내일 판교역에서 만나요");
        await Chat.SendAsync(ann, room.Id, "판교 가는 길에 역에서 봐요");

        var page = await SearchAsync(bob, "판교역");

        var result = Assert.Single(page.Results);
        Assert.Equal((room.Id, hit.Seq, hit.Id, ann.Id), (result.RoomId, result.Seq, result.MessageId, result.SenderId));
        Assert.Equal("내일 판교역에서 만나요", result.Snippet);
        Assert.Equal([new SearchHighlightDto(3, 3)], result.Highlights);
        Assert.Null(page.NextCursor);
        Assert.Equal(2, (await SearchAsync(bob, "판교")).Results.Count);
    }

    [Fact]
    public async Task Latin_text_is_found_ignoring_case_and_accents_and_the_snippet_shows_the_original_characters()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(ann, room.Id, "Dinner at JOSÉ's café tonight? José said yes.");
        await Chat.SendAsync(ann, room.Id, "nothing to see");

        var page = await SearchAsync(bob, "jose");
        var accented = await SearchAsync(bob, "Café TONIGHT");

        var result = Assert.Single(page.Results);
        Assert.Equal(["JOSÉ", "José"], result.Marked);
        Assert.Equal(["café tonight"], Assert.Single(accented.Results).Marked);
    }

    [Fact]
    public async Task Only_rooms_I_am_a_member_of_are_searched_and_roomId_narrows_to_one()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var carol = await Api.NewUserAsync("Carol");
        var team = await Chat.CreateGroupAsync(ann, "Team", bob.Id);
        var direct = await Chat.OpenDirectAsync(ann, bob.Id);
        var secret = await Chat.CreateGroupAsync(ann, "Secret", carol.Id);
        await Chat.SendAsync(ann, team.Id, "budget review 회의");
        await Chat.SendAsync(ann, direct.Id, "budget for lunch");
        await Chat.SendAsync(ann, secret.Id, "secret budget 회의");

        var bobs = await SearchAsync(bob, "budget");
        var bobsDirect = await SearchAsync(bob, "budget", $"&roomId={direct.Id}");
        var carols = await SearchAsync(carol, "회의");
        var bobInSecret = await Api.As(bob).GetAsync($"/api/v1/chat/search?q=budget&roomId={secret.Id}");

        Assert.Equal([direct.Id, team.Id], bobs.Results.Select(r => r.RoomId));
        Assert.Equal(direct.Id, Assert.Single(bobsDirect.Results).RoomId);
        Assert.Equal(secret.Id, Assert.Single(carols.Results).RoomId);
        Assert.Equal(HttpStatusCode.NotFound, bobInSecret.StatusCode);
        Assert.Equal("chat.room_not_found", (await Problem.ReadAsync(bobInSecret)).Code);
    }

    [Fact]
    public async Task An_edit_is_found_by_its_new_text_only_and_a_deleted_message_vanishes_from_results()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var edited = await Chat.SendAsync(ann, room.Id, "pizza tonight");
        var deleted = await Chat.SendAsync(ann, room.Id, "삭제할 메시지 pizza");
        var path = $"/api/v1/chat/rooms/{room.Id}/messages";

        Assert.Equal(HttpStatusCode.OK, (await Api.As(ann).PatchAsJsonAsync($"{path}/{edited.Id}", new { text = "sushi 내일" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).DeleteAsync($"{path}/{deleted.Id}")).StatusCode);

        Assert.Empty((await SearchAsync(bob, "pizza")).Results);
        Assert.Empty((await SearchAsync(bob, "삭제")).Results);
        var sushi = Assert.Single((await SearchAsync(bob, "SUSHI")).Results);
        Assert.Equal(edited.Id, sushi.MessageId);
        Assert.NotNull(sushi.EditedAt);
        Assert.Equal(1, await BlocksAsync(room.Id));
    }

    [Fact]
    public async Task An_edit_inside_a_block_with_other_messages_changes_only_that_message()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var first = await Chat.SendAsync(ann, room.Id, "pizza 회의 one");
        var middle = await Chat.SendAsync(bob, room.Id, "pizza 회의 two");
        var last = await Chat.SendAsync(ann, room.Id, "pizza 회의 three");

        Assert.Equal(HttpStatusCode.OK, (await Api.As(bob).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages/{middle.Id}", new { text = "sushi 점심 two" })).StatusCode);

        Assert.Equal([last.Id, first.Id], (await SearchAsync(ann, "pizza")).Results.Select(r => r.MessageId));
        Assert.Equal([last.Id, first.Id], (await SearchAsync(ann, "회의")).Results.Select(r => r.MessageId));
        Assert.Equal(middle.Id, Assert.Single((await SearchAsync(ann, "sushi")).Results).MessageId);
        Assert.Equal(middle.Id, Assert.Single((await SearchAsync(ann, "점심 TWO")).Results).MessageId);
        Assert.Equal(1, await BlocksAsync(room.Id));
    }

    [Fact]
    public async Task Messages_of_people_I_blocked_or_who_blocked_me_are_left_out()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var carol = await Api.NewUserAsync("Carol");
        var team = await Chat.CreateGroupAsync(ann, "Team", bob.Id, carol.Id);
        await Chat.SendAsync(bob, team.Id, "Bob says 안녕하세요");
        await Chat.SendAsync(carol, team.Id, "Carol says 안녕하세요");
        await Chat.SendAsync(ann, team.Id, "Ann says 안녕하세요");

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{bob.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(carol).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null)).StatusCode);

        // Either way: Ann blocked Bob (Bob no longer finds Ann's message either), Carol blocked Ann.
        Assert.Equal([ann.Id], (await SearchAsync(ann, "안녕")).Results.Select(r => r.SenderId));
        Assert.Equal([carol.Id, bob.Id], (await SearchAsync(bob, "안녕")).Results.Select(r => r.SenderId));
        Assert.Equal([carol.Id, bob.Id], (await SearchAsync(carol, "안녕")).Results.Select(r => r.SenderId));
    }

    [Fact]
    public async Task Pages_go_from_newest_to_oldest_by_cursor_without_gaps_or_repeats()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var sent = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            sent.Add((await Chat.SendAsync(i % 2 == 0 ? ann : bob, room.Id, $"회의록 {i}")).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(bob, "회의록", $"&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.True(page.Results.Count <= 3);
            seen.AddRange(page.Results.Select(r => r.MessageId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(sent), seen);
    }

    [Fact]
    public async Task A_long_message_gives_a_cut_snippet_around_the_match()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var text = string.Concat(Enumerable.Repeat("blah ", 40)) + "the Needle is here " + string.Concat(Enumerable.Repeat("more ", 40));
        await Chat.SendAsync(ann, room.Id, text);

        var result = Assert.Single((await SearchAsync(bob, "needle")).Results);

        Assert.StartsWith("…", result.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", result.Snippet, StringComparison.Ordinal);
        Assert.True(result.Snippet.Length <= 122);
        Assert.Equal(["Needle"], result.Marked);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_code()
    {
        var (ann, _, _) = await Chat.NewDirectRoomAsync();

        async Task<string?> CodeAsync(string query)
        {
            var response = await Api.As(ann).GetAsync("/api/v1/chat/search" + query);
            Assert.Equal(query.Contains("roomId", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, response.StatusCode);
            return (await Problem.ReadAsync(response)).Code;
        }

        Assert.Equal("chat.search_query_required", await CodeAsync(""));
        Assert.Equal("chat.search_query_required", await CodeAsync("?q=%20%20"));
        Assert.Equal("chat.search_query_too_short", await CodeAsync("?q=역"));
        Assert.Equal("chat.search_query_too_short", await CodeAsync("?q=a%20b"));
        Assert.Equal("chat.search_query_too_long", await CodeAsync("?q=" + new string('x', 101)));
        Assert.Equal("chat.invalid_search_cursor", await CodeAsync("?q=hello&cursor=not-a-cursor"));
        Assert.Equal("validation_failed", await CodeAsync("?q=hello&limit=51"));
        Assert.Equal("chat.room_not_found", await CodeAsync($"?q=hello&roomId={Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().GetAsync("/api/v1/chat/search?q=hello")).StatusCode);
    }

    [Fact]
    public async Task An_erased_accounts_messages_are_no_longer_found()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var carol = await Api.NewUserAsync("Carol");
        var team = await Chat.CreateGroupAsync(ann, "Team", bob.Id, carol.Id);
        await Chat.SendAsync(ann, team.Id, "Ann's 주소는 서울시");
        await Chat.SendAsync(carol, team.Id, "Carol's 주소는 부산");

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            for (var batch = 0; batch < 20 && !(await sender.Send(new EraseAccountCommand(ann.Id))).Finished; batch++)
            {
            }
        }

        Assert.Equal([carol.Id], (await SearchAsync(bob, "주소")).Results.Select(r => r.SenderId));
        Assert.Empty((await SearchAsync(bob, "서울시")).Results);
    }

    [Fact]
    public async Task Messages_stored_before_the_index_existed_are_indexed_by_the_initializer()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var old = await Chat.SendAsync(ann, room.Id, "옛날 메시지 from before");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChatDbContext>().MessageSearchBlocks.Where(b => b.RoomId == room.Id).ExecuteDeleteAsync();
        }

        Assert.Empty((await SearchAsync(bob, "옛날")).Results);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var backfill = scope.ServiceProvider.GetServices<IModuleInitializer>().OfType<MessageSearchBackfill>().Single();
            await backfill.InitializeAsync(CancellationToken.None);
            await backfill.InitializeAsync(CancellationToken.None);
        }

        Assert.Equal(old.Id, Assert.Single((await SearchAsync(bob, "옛날")).Results).MessageId);
        Assert.Equal(1, await BlocksAsync(room.Id));
    }

    private async Task<SearchPageDto> SearchAsync(TestUser me, string q, string extra = "")
    {
        var response = await Api.As(me).GetAsync($"/api/v1/chat/search?q={Uri.EscapeDataString(q)}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchPageDto>())!;
    }

    private async Task<int> BlocksAsync(Guid roomId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatDbContext>().MessageSearchBlocks.CountAsync(b => b.RoomId == roomId);
    }
}
