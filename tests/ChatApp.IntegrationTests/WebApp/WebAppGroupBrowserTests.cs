using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ChatApp.IntegrationTests.WebApp.WebAppPages;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>Groups in the web app (ADR 0025 part D, groups): create, settings, roles, members, leaving, handing on.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class WebAppGroupBrowserTests(KestrelChatAppFactory factory, ITestOutputHelper output)
    : IntegrationTest<KestrelChatAppFactory>(factory)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task An_owner_creates_a_group_the_members_see_it_live_and_a_rename_topic_and_picture_reach_them()
    {
        var minjun = await Api.NewUserAsync("김민준");
        var jieun = await Api.NewUserAsync("박지은");
        var sarah = await Api.NewUserAsync("Sarah Lee");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var owner = await SignedInPageAsync(browser, Factory.Address, output, minjun, "/", Phone);
        var jieunPage = await SignedInPageAsync(browser, Factory.Address, output, jieun, "/", Phone);
        var sarahPage = await SignedInPageAsync(browser, Factory.Address, output, sarah, "/");
        foreach (var page in new[] { owner, jieunPage, sarahPage })
        {
            await Heading(page, "Chats").WaitForAsync();
        }

        // Minjun makes a group with a Korean and an English name found by search, from the chats list.
        await owner.GetByRole(AriaRole.Link, new() { Name = "New group" }).ClickAsync();
        await Heading(owner, "New group").WaitForAsync();
        await HeadingFocusedAsync(owner, "New group");
        await owner.GetByLabel("Group name").FillAsync("판교 스터디 Study");
        await ChooseAsync(owner, "지은", "박지은");
        await ChooseAsync(owner, "Sarah", "Sarah Lee");
        var chosen = owner.GetByRole(AriaRole.List, new() { Name = "Chosen members" });
        Assert.Equal(["박지은", "Sarah Lee"], (await chosen.Locator(".person-name").AllInnerTextsAsync()).Select(t => t.Trim()));
        await AssertFitsAndLabelledAsync(owner);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Heading(owner, "판교 스터디 Study").WaitForAsync(); // the new room opens (a client-side navigation: no load event)
        Assert.Matches(RoomPath(), owner.Url);
        var roomId = RoomPath().Match(owner.Url).Groups["id"].Value;

        // Both members see it in their lists, live.
        await RoomInList(jieunPage, "판교 스터디 Study").WaitForAsync();
        await RoomInList(sarahPage, "판교 스터디 Study").WaitForAsync();

        // A plain member sees the settings but is offered nothing to manage, only leaving.
        await NavigateAsync(jieunPage, $"/rooms/{roomId}/settings");
        await Heading(jieunPage, "판교 스터디 Study").WaitForAsync();
        await HeadingFocusedAsync(jieunPage, "판교 스터디 Study");
        await Member(jieunPage, "Sarah Lee").WaitForAsync();
        var shown = (await jieunPage.Locator("ul.members .person-name").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal("김민준", shown[0]); // the owner first
        Assert.Equal(["Sarah Lee", "박지은 (you)"], shown.Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(0, await jieunPage.GetByRole(AriaRole.Button, new() { NameRegex = ManageAction() }).CountAsync());
        Assert.Equal(0, await jieunPage.GetByLabel("Group name").CountAsync());
        Assert.Equal(0, await jieunPage.GetByLabel("Change the group picture").CountAsync());
        Assert.Equal(0, await jieunPage.GetByRole(AriaRole.Heading, new() { Name = "Add members" }).CountAsync());
        await jieunPage.GetByRole(AriaRole.Button, new() { Name = "Leave group" }).WaitForAsync();
        await AssertFitsAndLabelledAsync(jieunPage);

        // The owner renames it, sets a topic and a picture; the others see them live.
        await NavigateAsync(owner, $"/rooms/{roomId}/settings");
        await Heading(owner, "판교 스터디 Study").WaitForAsync();
        await owner.GetByLabel("Group name").FillAsync("판교 스터디 모임");
        await owner.GetByLabel("Topic", new() { Exact = true }).FillAsync("화요일 7시 · Tuesdays at 7");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save name and topic" }).ClickAsync();
        await owner.GetByRole(AriaRole.Status).Filter(new() { HasText = "Name and topic saved." }).WaitForAsync();
        await Heading(jieunPage, "판교 스터디 모임").WaitForAsync();
        await jieunPage.GetByText("화요일 7시 · Tuesdays at 7").WaitForAsync();
        await RoomInList(sarahPage, "판교 스터디 모임").WaitForAsync();
        await owner.GetByLabel("Change the group picture").SetInputFilesAsync(new FilePayload
        {
            Name = "스터디.png",
            MimeType = "image/png",
            Buffer = TestImages.Quadrants(400, 400),
        });
        await owner.GetByRole(AriaRole.Button, new() { Name = "Use as the group picture" }).ClickAsync();
        await owner.GetByAltText("Group picture").WaitForAsync();
        await jieunPage.GetByAltText("Group picture").WaitForAsync();
        Assert.True(await jieunPage.GetByAltText("Group picture").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the group picture did not load");
        await AssertFitsAndLabelledAsync(owner);
        var pictured = await Api.Client(sarah).Chat.GetRoomAsync(Guid.Parse(roomId));

        // Removing the picture reaches the member live too.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Remove the group picture" }).ClickAsync();
        await jieunPage.GetByAltText("Group picture").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await jieunPage.GetByText("No picture.").WaitForAsync();

        var room = await Api.Client(sarah).Chat.GetRoomAsync(Guid.Parse(roomId));
        Assert.Equal(("판교 스터디 모임", "화요일 7시 · Tuesdays at 7", minjun.Id), (room.Name, room.Topic, room.OwnerId));
        Assert.NotNull(pictured.Picture);
        Assert.Null(room.Picture);
    }

    [Fact]
    public async Task Someone_removed_while_reading_the_group_goes_back_to_the_chats_list()
    {
        var minjun = await Api.NewUserAsync("김민준");
        var jieun = await Api.NewUserAsync("박지은");
        var group = await Chat.CreateGroupAsync(minjun, "판교 스터디", jieun.Id);
        await Chat.SendAsync(minjun, group.Id, "내일 7시에 봐요");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, Factory.Address, output, jieun, $"/rooms/{group.Id}");
        await Message(page, "내일 7시에 봐요").WaitForAsync();

        // The room's header leads to its settings, and back.
        await page.GetByRole(AriaRole.Link, new() { Name = "Group settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Leave the group", Level = 2 }).WaitForAsync();
        Assert.EndsWith($"/rooms/{group.Id}/settings", page.Url, StringComparison.Ordinal);
        await page.GoBackAsync();
        await Message(page, "내일 7시에 봐요").WaitForAsync();

        await Api.Client(minjun).Chat.RemoveMemberAsync(group.Id, jieun.Id);

        await Heading(page, "Chats").WaitForAsync();
        await page.Locator($"ul.rooms li[data-room-id='{group.Id}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Locator("ol.messages li").CountAsync());
    }

    [Fact]
    public async Task The_owner_makes_an_admin_who_adds_and_removes_people_someone_leaves_and_the_owner_hands_the_group_on()
    {
        var minjun = await Api.NewUserAsync("김민준");
        var jieun = await Api.NewUserAsync("박지은");
        var sarah = await Api.NewUserAsync("Sarah Lee");
        var tom = await Api.NewUserAsync("Tom Park");
        var group = await Chat.CreateGroupAsync(minjun, "주말 등산 Hiking", jieun.Id, sarah.Id);
        var settings = $"/rooms/{group.Id}/settings";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var owner = await SignedInPageAsync(browser, Factory.Address, output, minjun, settings);
        var sarahPage = await SignedInPageAsync(browser, Factory.Address, output, sarah, settings, Phone);
        var jieunPage = await SignedInPageAsync(browser, Factory.Address, output, jieun, settings);
        var tomPage = await SignedInPageAsync(browser, Factory.Address, output, tom, "/");
        foreach (var page in new[] { owner, sarahPage, jieunPage })
        {
            await page.Locator("ul.members li").Nth(2).WaitForAsync();
        }

        await Heading(tomPage, "Chats").WaitForAsync();

        // The owner makes Sarah an admin; her page offers her the admin's actions, live.
        Assert.Equal(0, await sarahPage.GetByRole(AriaRole.Heading, new() { Name = "Add members" }).CountAsync());
        await owner.GetByRole(AriaRole.Button, new() { Name = "Make Sarah Lee an admin" }).ClickAsync();
        await RoleShown(owner, "Sarah Lee", "Admin").WaitForAsync();
        await RoleShown(sarahPage, "Sarah Lee (you)", "Admin").WaitForAsync();
        await sarahPage.GetByRole(AriaRole.Heading, new() { Name = "Add members" }).WaitForAsync();

        // Sarah adds Tom, who sees the group in his list live; the owner sees him in the members.
        await sarahPage.GetByLabel("Find people to add (name or handle)").FillAsync("Tom");
        await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Add Tom Park" }).ClickAsync();
        await Member(owner, "Tom Park").WaitForAsync();
        await RoomInList(tomPage, "주말 등산 Hiking").WaitForAsync();

        // An admin removes plain members, never the owner, and sets no roles.
        await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Remove Tom Park from the group" }).WaitForAsync();
        Assert.Equal(0, await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Remove 김민준 from the group" }).CountAsync());
        Assert.Equal(0, await sarahPage.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Make ") }).CountAsync());
        await AssertFitsAndLabelledAsync(sarahPage);

        // Tom is removed: his list loses the room; his settings page takes him back to the chats list.
        await NavigateAsync(tomPage, settings);
        await Member(tomPage, "Tom Park (you)").WaitForAsync();
        await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Remove Tom Park from the group" }).ClickAsync();
        await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Heading(tomPage, "Chats").WaitForAsync();
        await RoomInList(tomPage, "주말 등산 Hiking").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Member(owner, "Tom Park").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Jieun leaves after confirming: back at her chats without the room; the others' member lists lose her.
        await jieunPage.GetByRole(AriaRole.Button, new() { Name = "Leave group" }).ClickAsync();
        await jieunPage.GetByRole(AriaRole.Alertdialog).Filter(new() { HasText = "Leave 주말 등산 Hiking?" }).WaitForAsync();
        await jieunPage.GetByRole(AriaRole.Button, new() { Name = "Yes, leave" }).ClickAsync();
        await Heading(jieunPage, "Chats").WaitForAsync();
        Assert.Equal(0, await RoomInList(jieunPage, "주말 등산 Hiking").CountAsync());
        await Member(owner, "박지은").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Member(sarahPage, "박지은").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The owner hands the group to Sarah and stays as an admin; the owner's actions move to her, live.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Make Sarah Lee the owner" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Yes, make them the owner" }).ClickAsync();
        await RoleShown(owner, "Sarah Lee", "Owner").WaitForAsync();
        await RoleShown(owner, "김민준 (you)", "Admin").WaitForAsync();
        await RoleShown(sarahPage, "Sarah Lee (you)", "Owner").WaitForAsync();
        await sarahPage.GetByRole(AriaRole.Button, new() { Name = "Make 김민준 a member" }).WaitForAsync();
        Assert.Equal(0, await owner.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Make ") }).CountAsync());
        Assert.Equal(0, await owner.GetByRole(AriaRole.Button, new() { Name = "Remove Sarah Lee from the group" }).CountAsync());

        var room = await Api.Client(sarah).Chat.GetRoomAsync(group.Id);
        Assert.Equal(sarah.Id, room.OwnerId);
        Assert.Equal(new[] { minjun.Id, sarah.Id }.Order(), room.Members!.Select(m => m.UserId).Order());
    }

    private static async Task ChooseAsync(IPage page, string query, string name)
    {
        await page.GetByLabel("Find people to add (name or handle)").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Chosen members" }).GetByText(name, new() { Exact = true }).WaitForAsync();
    }

    private static ILocator RoomInList(IPage page, string name) =>
        page.Locator("ul.rooms li").Filter(new() { Has = page.Locator(".room-name", new() { HasTextRegex = Whole(name) }) });

    /// <summary>A member's line in the settings page, by the name shown ("Sarah Lee", "Tom Park (you)").</summary>
    private static ILocator Member(IPage page, string shownName) =>
        page.Locator("ul.members li").Filter(new() { Has = page.Locator(".person-name", new() { HasTextRegex = Whole(shownName) }) });

    private static ILocator RoleShown(IPage page, string shownName, string role) =>
        Member(page, shownName).Locator(".role", new() { HasTextRegex = Whole(role) });

    private static Regex Whole(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");

    [GeneratedRegex("/rooms/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex RoomPath();

    [GeneratedRegex("^(Make |Remove |Save |Remove the group picture)")]
    private static partial Regex ManageAction();
}
