using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Accounts.People;

/// <summary>People search in name order (few matches: every query of these tests).</summary>
public sealed class PeopleSearchTests(ChatAppFactory factory) : PeopleSearchTestCases<ChatAppFactory>(factory)
{
    protected override bool InNameOrder => true;
}

/// <summary>A host that answers every query that matches anything in term order (ADR 0023 part P).</summary>
public sealed class TermOrderPeopleSearchFactory : ChatAppFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Accounts:PeopleSearch:FewMatches", "0");
    }
}

/// <summary>The same cases answered in term order (the order of one page is checked by <see cref="TermOrderedPeopleSearchTests"/>).</summary>
public sealed class TermOrderPeopleSearchTests(TermOrderPeopleSearchFactory factory) : PeopleSearchTestCases<TermOrderPeopleSearchFactory>(factory)
{
    protected override bool InNameOrder => false;
}

public abstract class PeopleSearchTestCases<TFactory>(TFactory factory) : IntegrationTest<TFactory>(factory)
    where TFactory : ChatAppFactory
{
    private PeopleApi People => new(Api, Factory);

    /// <summary>Whether this host lists these cases' matches in name order (else in term order: the same people).</summary>
    protected abstract bool InNameOrder { get; }

    private void AssertFound(string[] expectedInNameOrder, IReadOnlyList<string> found)
    {
        if (InNameOrder)
        {
            Assert.Equal(expectedInNameOrder, found);
        }
        else
        {
            Assert.Equal(expectedInNameOrder.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Syllables_inside_a_Korean_name_and_its_initial_consonants_find_the_person()
    {
        var me = await Api.NewUserAsync("검색하는 사람");
        await People.NewUserAsync("김민준");
        await People.NewUserAsync("이민수");
        await People.NewUserAsync("박서준");

        Assert.Equal(["김민준"], await People.NamesAsync(me, "민준"));
        Assert.Equal(["김민준"], await People.NamesAsync(me, "ㄱㅁㅈ"));
        Assert.Equal(["김민준"], await People.NamesAsync(me, "ㅁㅈ"));
        AssertFound(["김민준", "이민수"], await People.NamesAsync(me, "민"));
        AssertFound(["김민준", "박서준"], await People.NamesAsync(me, "준"));
        Assert.Equal(["박서준"], await People.NamesAsync(me, "ㅂㅅ"));
        Assert.Empty(await People.NamesAsync(me, "민서"));
    }

    [Fact]
    public async Task Latin_names_match_without_regard_to_case_or_accents_and_handles_by_prefix()
    {
        var me = await Api.NewUserAsync("Searcher");
        await People.NewUserAsync("José Álvarez", "zed.codes");
        await People.NewUserAsync("Joanna Smith");
        await People.NewUserAsync("Zoë 100%_sure");

        Assert.Equal(["José Álvarez"], await People.NamesAsync(me, "JOSE"));
        Assert.Equal(["José Álvarez"], await People.NamesAsync(me, "álva"));
        Assert.Equal(["Joanna Smith"], await People.NamesAsync(me, "ANN"));
        Assert.Equal(["Joanna Smith", "José Álvarez"], await People.NamesAsync(me, "jo"));
        Assert.Equal(["José Álvarez"], await People.NamesAsync(me, "zed.c"));
        Assert.Equal(["José Álvarez"], await People.NamesAsync(me, "@ZED"));
        Assert.Empty(await People.NamesAsync(me, "@codes"));
        Assert.Equal(["Zoë 100%_sure"], await People.NamesAsync(me, "0%_s"));
        Assert.Empty(await People.NamesAsync(me, "1_0"));
        var found = (await People.SearchAsync(me, "zed.codes")).Items.Single();
        Assert.Equal("zed.codes", found.Handle);
        Assert.True(found.ExactHandle);
    }

    [Fact]
    public async Task Renaming_keeps_the_search_current()
    {
        var me = await Api.NewUserAsync("Searcher");
        var ann = await Api.NewUserAsync("Old Name");

        (await Api.As(ann).PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "새로운 이름" })).EnsureSuccessStatusCode();

        Assert.Empty(await People.NamesAsync(me, "old"));
        Assert.Equal(["새로운 이름"], await People.NamesAsync(me, "로운 이"));
        Assert.Equal(["새로운 이름"], await People.NamesAsync(me, "ㅅㄹㅇ ㅇㄹ"));
    }

    [Fact]
    public async Task Blocked_deactivated_banned_suspended_hidden_and_deleted_people_and_I_are_never_found()
    {
        var me = await Api.NewUserAsync("Kim Finder");
        var visible = await People.NewUserAsync("Kim Visible");
        var iBlocked = await People.NewUserAsync("Kim IBlocked");
        var blocksMe = await People.NewUserAsync("Kim BlocksMe");
        var deactivated = await People.NewUserAsync("Kim Deactivated");
        var banned = await People.NewUserAsync("Kim Banned");
        var suspended = await People.NewUserAsync("Kim Suspended");
        var suspensionOver = await People.NewUserAsync("Kim SuspensionOver");
        var hidden = await People.NewUserAsync("Kim Hidden");
        var deleted = await People.NewUserAsync("Kim Deleted");
        (await Api.As(me).PutAsync($"/api/v1/chat/blocks/{iBlocked.Id}", null)).EnsureSuccessStatusCode();
        (await Api.As(blocksMe).PutAsync($"/api/v1/chat/blocks/{me.Id}", null)).EnsureSuccessStatusCode();
        await People.ChangeAsync(deactivated.Id, u => u.DeactivatedAt = DateTime.UtcNow);
        await People.ChangeAsync(banned.Id, u => u.BannedAt = DateTime.UtcNow);
        await People.ChangeAsync(suspended.Id, u => u.SuspendedUntil = DateTime.UtcNow.AddDays(1));
        await People.ChangeAsync(suspensionOver.Id, u => u.SuspendedUntil = DateTime.UtcNow.AddMinutes(-1));
        await People.ChangeAsync(hidden.Id, u => u.HiddenForReviewAt = DateTime.UtcNow);
        using var deletion = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(new { password = AccountsApi.Password }) };
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(deleted).SendAsync(deletion)).StatusCode);

        Assert.Equal(["Kim SuspensionOver", "Kim Visible"], await People.NamesAsync(me, "kim"));
        // Blocks are between two people only: someone else still finds both.
        Assert.Equal(["Kim BlocksMe", "Kim Finder", "Kim IBlocked", "Kim SuspensionOver"], await People.NamesAsync(visible, "kim"));
    }

    [Fact]
    public async Task People_found_by_exact_handle_only_are_not_found_by_name_or_handle_prefix()
    {
        var me = await Api.NewUserAsync("Finder");
        var shy = await People.NewUserAsync("Shy Person", "Shy.One");
        (await Api.As(shy).PutAsJsonAsync("/api/v1/accounts/me/discoverability", new { discoverable = false })).EnsureSuccessStatusCode();

        Assert.False((await People.MeAsync(shy)).GetProperty("discoverable").GetBoolean());
        Assert.Empty(await People.NamesAsync(me, "shy"));
        Assert.Empty(await People.NamesAsync(me, "shy.on"));
        var exact = await People.SearchAsync(me, "@SHY.ONE");
        Assert.Equal(shy.Id, Assert.Single(exact.Items).Id);
        Assert.True(exact.Items[0].ExactHandle);
        await People.ChangeAsync(shy.Id, u => u.BannedAt = DateTime.UtcNow);
        Assert.Empty((await People.SearchAsync(me, "shy.one")).Items);
    }

    [Fact]
    public async Task Results_are_paged_by_cursor_without_gaps_or_repeats_and_the_exact_handle_leads()
    {
        var me = await Api.NewUserAsync("Finder");
        var expected = new List<Guid>();
        for (var i = 0; i < 44; i++)
        {
            expected.Add((await Api.NewUserAsync($"Page Person {i:00}")).Id);
        }

        var exact = await People.NewUserAsync("Zz Exact", "page");
        expected.Add(exact.Id);

        var first = await People.SearchAsync(me, "page");
        var second = await People.SearchAsync(me, "page", first.NextCursor);
        var third = await People.SearchAsync(me, "page", second.NextCursor);

        Assert.Equal(exact.Id, first.Items[0].Id);
        Assert.Equal([20, 20, 5], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Null(third.NextCursor);
        var all = first.Items.Concat(second.Items).Concat(third.Items).ToList();
        Assert.Equal(expected.Order(), all.Select(p => p.Id).Order());
        Assert.Equal(Enumerable.Range(0, 44).Select(i => $"Page Person {i:00}"), all.Skip(1).Select(p => p.DisplayName));
    }

    [Theory]
    [InlineData("", "validation_failed", "q")]
    [InlineData("   ", "validation_failed", "q")]
    [InlineData("abc", "accounts.invalid_cursor", "cursor")]
    public async Task A_blank_query_or_a_foreign_cursor_is_a_400(string q, string code, string field)
    {
        var me = await Api.NewUserAsync("Finder");

        var response = await People.GetSearchAsync(me, q == "abc" ? "kim" : q, q == "abc" ? "bm90IGEga2V5" : null);

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(code, problem.Code);
        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task Searching_needs_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().GetAsync("/api/v1/users/search?q=kim")).StatusCode);
    }
}
