using System.Buffers.Text;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Text;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Domain;

namespace ChatApp.IntegrationTests.Accounts.People;

/// <summary>
/// Common queries are paged in term order (ADR 0023 part P): people whose name matches by (least matching search term,
/// id), each once, then people found by their handle only, by handle; exclusions as in name order.
/// </summary>
public sealed class TermOrderedPeopleSearchTests(TermOrderPeopleSearchFactory factory) : IntegrationTest<TermOrderPeopleSearchFactory>(factory)
{
    private PeopleApi People => new(Api, Factory);

    [Fact]
    public async Task A_common_initial_consonant_pages_in_term_order_without_gaps_or_repeats_or_excluded_people()
    {
        var me = await Api.NewUserAsync("이검색");
        var named = new Dictionary<Guid, string>();
        const string families = "이오윤안임김박최";
        const string given = "연우서민아준영희";
        for (var i = 0; i < 44; i++)
        {
            var name = $"{families[i % families.Length]}{given[i * 3 % given.Length]}{given[i * 5 % given.Length]}";
            named[(await Api.NewUserAsync(name)).Id] = name;
        }

        await ExcludedPeopleAsync(me, "이차단", "오차단", "윤정지", "안탈퇴", "임숨김", "im.shy");

        var found = await AllPagesAsync(me, "ㅇ");

        // Several terms of 오영아 (초성 ㅇㅇㅇ) start with ㅇ: listed once, under the least of them.
        var expected = InTermOrder(named.Where(p => SearchFolding.Choseong(p.Value).Contains('ㅇ', StringComparison.Ordinal)), "ㅇ");
        Assert.True(expected.Count > 30, $"{expected.Count} people match"); // two pages, and names shared by several people
        Assert.Equal(expected, found.Select(p => p.Id));
        Assert.Equal(expected.Count, found.Select(p => p.Id).Distinct().Count());
        var shy = Assert.Single((await People.SearchAsync(me, "@im.shy")).Items);
        Assert.Equal("임숨김", shy.DisplayName);
        Assert.True(shy.ExactHandle);
    }

    [Fact]
    public async Task A_common_Latin_query_lists_name_matches_in_term_order_then_handle_only_matches_by_handle()
    {
        var me = await Api.NewUserAsync("Searcher");
        var byName = new Dictionary<Guid, string>();
        for (var i = 0; i < 24; i++)
        {
            var name = (i % 3) switch { 0 => $"Anna Banana {i:00}", 1 => $"Dan Müller {i:00}", _ => $"Joanna Ávila {i:00}" };
            byName[(await Api.NewUserAsync(name)).Id] = name;
        }

        var both = await People.NewUserAsync("Ana Both", "an_both");
        byName[both.Id] = "Ana Both";
        var byHandle = new List<(Guid Id, string Handle)>();
        for (var i = 0; i < 8; i++)
        {
            var handle = $"an_{i}x";
            byHandle.Add(((await People.NewUserAsync($"Kim Lee {i}", handle)).Id, handle));
        }

        await ExcludedPeopleAsync(me, "Ann Blocked", "Ann BlocksMe", "Ann Banned", "Ann Gone", "Ann Shy", "an_shy");

        var found = await AllPagesAsync(me, "AN");

        var names = InTermOrder(byName, "an");
        var handles = byHandle.OrderBy(p => p.Handle, StringComparer.Ordinal).Select(p => p.Id);
        Assert.Equal(names.Concat(handles), found.Select(p => p.Id));
        Assert.Equal("an_both", found.Single(p => p.Id == both.Id).Handle);
        var shy = (await People.SearchAsync(me, "an_shy")).Items;
        Assert.Equal(["Ann Shy"], shy.Select(p => p.DisplayName));
        Assert.True(shy[0].ExactHandle);
    }

    [Fact]
    public async Task A_term_cursor_continues_its_own_order_and_a_forged_one_is_refused()
    {
        var me = await Api.NewUserAsync("Searcher");
        for (var i = 0; i < 21; i++)
        {
            await Api.NewUserAsync($"김민준 {i:00}");
        }

        var first = await People.SearchAsync(me, "민준");
        var second = await People.SearchAsync(me, "민준", first.NextCursor);

        Assert.Equal(20, first.Items.Count);
        Assert.Equal(["김민준 20"], second.Items.Select(p => p.DisplayName));
        Assert.Null(second.NextCursor);
        var forged = Base64Url.EncodeToString("\u001Dtmin\u001Fnot-an-id"u8);
        Assert.Equal("accounts.invalid_cursor", (await Problem.ReadAsync(await People.GetSearchAsync(me, "민준", forged))).Code);
    }

    /// <summary>
    /// The order the server must list these people in: by the least of their search terms that start with the query
    /// (code point order, as both databases compare terms), then by id as the databases store it (hex text).
    /// </summary>
    private static List<Guid> InTermOrder(IEnumerable<KeyValuePair<Guid, string>> people, string folded) =>
        people.Select(p => (Id: p.Key, Term: NameSearchKeys.FirstTermStartingWith(NameSearchKeys.For(p.Key, p.Value), folded)!))
            .Order(Comparer<(Guid Id, string Term)>.Create((a, b) => NameSearchKeys.Compare(a.Term, b.Term) is var order and not 0
                ? order
                : string.CompareOrdinal(a.Id.ToString(), b.Id.ToString())))
            .Select(p => p.Id)
            .ToList();

    /// <summary>People who match but must never be listed: blocked either way, banned, deactivated, not discoverable (with a handle).</summary>
    private async Task ExcludedPeopleAsync(TestUser me, string iBlock, string blocksMe, string banned, string deactivated, string shy, string shyHandle)
    {
        var blocked = await People.NewUserAsync(iBlock);
        var blocker = await People.NewUserAsync(blocksMe);
        (await Api.As(me).PutAsync($"/api/v1/chat/blocks/{blocked.Id}", null)).EnsureSuccessStatusCode();
        (await Api.As(blocker).PutAsync($"/api/v1/chat/blocks/{me.Id}", null)).EnsureSuccessStatusCode();
        await People.ChangeAsync((await People.NewUserAsync(banned)).Id, u => u.BannedAt = DateTime.UtcNow);
        await People.ChangeAsync((await People.NewUserAsync(deactivated)).Id, u => u.DeactivatedAt = DateTime.UtcNow);
        var hidden = await People.NewUserAsync(shy, shyHandle);
        (await Api.As(hidden).PutAsJsonAsync("/api/v1/accounts/me/discoverability", new { discoverable = false })).EnsureSuccessStatusCode();
    }

    private async Task<List<PersonDto>> AllPagesAsync(TestUser me, string q)
    {
        var all = new List<PersonDto>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await People.SearchAsync(me, q, cursor);
            Assert.InRange(page.Items.Count, page.NextCursor is null ? 0 : 20, 20);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            if (cursor is null)
            {
                return all;
            }
        }

        throw new InvalidOperationException("more pages than people");
    }
}
