using System.Net.Http.Json;
using ChatApp.IntegrationTests.Chat;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.People;

/// <summary>People search, handles and the block list on the embedded default (SQLite, no Redis).</summary>
public sealed class EmbeddedPeopleSearchTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public async Task Korean_and_Latin_search_handles_exclusions_paging_and_blocks_work_on_the_embedded_default()
    {
        var people = new PeopleApi(Api, Factory);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var me = await Api.NewUserAsync("Finder " + tag);
        var minjun = await people.NewUserAsync("김민준 " + tag, "mj" + tag);
        var jose = await people.NewUserAsync("José Álvarez " + tag);
        var blocked = await people.NewUserAsync("김민지 " + tag);
        var shy = await people.NewUserAsync("Shy " + tag, "shy" + tag);
        await people.ChangeAsync(shy.Id, u => u.Discoverable = false);
        (await Api.As(me).PutAsync($"/api/v1/chat/blocks/{blocked.Id}", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 22; i++)
        {
            await Api.NewUserAsync($"Pager {tag} {i:00}");
        }

        Assert.Equal([minjun.Id], (await people.SearchAsync(me, "민준 " + tag)).Items.Select(p => p.Id));
        Assert.Equal([minjun.Id], (await people.SearchAsync(me, "ㄱㅁ")).Items.Where(p => p.DisplayName.EndsWith(tag, StringComparison.Ordinal)).Select(p => p.Id));
        Assert.Equal([minjun.Id], (await people.SearchAsync(me, "@MJ" + tag)).Items.Select(p => p.Id));
        Assert.Equal([jose.Id], (await people.SearchAsync(me, "JOSE ALV")).Items.Where(p => p.DisplayName.EndsWith(tag, StringComparison.Ordinal)).Select(p => p.Id));
        Assert.Empty((await people.SearchAsync(me, "shy " + tag)).Items);
        Assert.Equal([shy.Id], (await people.SearchAsync(me, "shy" + tag)).Items.Select(p => p.Id));
        var first = await people.SearchAsync(me, "pager " + tag);
        var second = await people.SearchAsync(me, "pager " + tag, first.NextCursor);
        Assert.Equal(22, first.Items.Concat(second.Items).Select(p => p.Id).Distinct().Count());
        Assert.Null(second.NextCursor);
        var blocks = await Api.As(me).GetFromJsonAsync<BlockListDto>("/api/v1/chat/blocks");
        Assert.Equal(["김민지 " + tag], blocks!.Items.Select(p => p.DisplayName));
    }
}
