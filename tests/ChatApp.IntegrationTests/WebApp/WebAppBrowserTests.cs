using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ChatApp.IntegrationTests.WebApp.WebAppPages;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>The web app at / in a real browser against the host on a real socket (ADR 0025 part D).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class WebAppBrowserTests(KestrelChatAppFactory factory, ITestOutputHelper output)
    : IntegrationTest<KestrelChatAppFactory>(factory)
{
    private const string Korean = "안녕하세요, 내일 판교역에서 만나요";
    private const string English = "See you at 8";

    [Fact]
    public async Task Two_people_register_find_each_other_and_chat_live_in_Korean_and_English()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var minjun = await Browser.NewPageAsync(browser, Factory.Address, output);
        var sarah = await Browser.NewPageAsync(browser, Factory.Address, output);

        await SignUpAsync(minjun, "minjun@example.com", "김민준", "minjun_92");
        await SignUpAsync(sarah, "sarah@example.com", "Sarah Lee", "sarah.lee");

        // Minjun finds Sarah by her handle and opens a direct chat.
        await minjun.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Find people" }).ClickAsync();
        await minjun.GetByLabel("Name or handle").FillAsync("@sarah.lee");
        await minjun.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await minjun.GetByRole(AriaRole.Button, new() { Name = "Chat with Sarah Lee" }).ClickAsync();
        await Heading(minjun, "Sarah Lee").WaitForAsync();
        Assert.Matches(RoomPath(), minjun.Url);
        await SendAsync(minjun, Korean);

        // Sarah's list shows the new room live, with its unread count and last message.
        var room = sarah.Locator("ul.rooms li").Filter(new() { HasText = "김민준" });
        await room.Filter(new() { HasText = Korean }).WaitForAsync();
        Assert.Equal("1", (await room.Locator(".unread").InnerTextAsync()).Trim());
        await room.GetByRole(AriaRole.Link).ClickAsync();
        await Heading(sarah, "김민준").WaitForAsync();
        await Message(sarah, Korean).WaitForAsync();

        // Both ways, live, in both languages; typing and the read receipt show.
        await sarah.GetByLabel("Message").FillAsync("S");
        await minjun.GetByText("Sarah Lee is typing…").WaitForAsync();
        await sarah.GetByLabel("Message").FillAsync("");
        await SendAsync(sarah, English);
        await Message(minjun, English).WaitForAsync();
        await SendAsync(sarah, Korean);
        await Message(minjun, Korean, sender: "Sarah Lee").WaitForAsync();
        await SendAsync(minjun, English);
        await Message(sarah, English, sender: "김민준").WaitForAsync();
        await minjun.Locator("li.message.mine").Last.Locator(".receipt").Filter(new() { HasText = "Read" }).WaitForAsync();

        // A reload finds the history (and the session, kept in localStorage).
        await minjun.ReloadAsync();
        await sarah.ReloadAsync();
        foreach (var page in new[] { minjun, sarah })
        {
            await page.Locator("ol.messages li").Nth(3).WaitForAsync();
            var texts = await page.Locator("ol.messages li .text").AllInnerTextsAsync();
            Assert.Equal(new[] { Korean, English, Korean, English }, texts.Select(t => t.Trim()));
        }
    }

    [Fact]
    public async Task A_third_person_cannot_see_their_room()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(ann, room.Id, "우리끼리 비밀 — just us");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var eve = await Browser.NewPageAsync(browser, Factory.Address, output);

        await SignUpAsync(eve, "eve@example.com", "Eve", "eve_3");
        await eve.GetByText("No chats yet.").WaitForAsync();
        await eve.GotoAsync($"/rooms/{room.Id}");

        await Heading(eve, "Chat not found").WaitForAsync();
        Assert.Equal(0, await eve.GetByText("우리끼리 비밀").CountAsync());
    }

    [Fact]
    public async Task The_Enter_that_ends_a_Korean_composition_does_not_send()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, ann, $"/rooms/{room.Id}");
        var box = page.GetByLabel("Message");
        await box.FocusAsync();
        await page.EvaluateAsync("() => { window.__enters = []; document.addEventListener('keydown', e => { if (e.key === 'Enter') window.__enters.push(e.isComposing); }, true); }");

        // An IME composition in progress (as Korean input produces "한글"), then the Enter that ends it.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "한글", ["selectionStart"] = 2, ["selectionEnd"] = 2 });
        await page.Keyboard.PressAsync("Enter");
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "한글" });
        // Then a plain Enter sends what was composed.
        await page.Keyboard.PressAsync("Enter");

        await Message(page, "한글").WaitForAsync();
        Assert.Equal(new[] { true, false }, await page.EvaluateAsync<bool[]>("() => window.__enters"));
        var history = await Chat.HistoryAsync(bob, room.Id);
        Assert.Equal(new[] { "한글" }, history.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task The_app_works_at_phone_width_and_by_keyboard()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(bob, room.Id, "Are you there?");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await Browser.NewPageAsync(browser, Factory.Address, output, new ViewportSize { Width = 390, Height = 844 });

        await page.GotoAsync("/sign-in");
        await Heading(page, "Sign in").WaitForAsync();
        // Every control has a label; the keyboard alone signs in.
        Assert.Equal(1, await page.GetByLabel("E-mail").CountAsync());
        Assert.Equal(1, await page.GetByLabel("Password").CountAsync());
        await TabToAsync(page, "email");
        await page.Keyboard.TypeAsync(ann.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(ann.Password);
        await page.Keyboard.PressAsync("Enter");
        await Heading(page, "Chats").WaitForAsync();

        await TabToAsync(page, $"a[href='/rooms/{room.Id}']", selector: true);
        await page.Keyboard.PressAsync("Enter");
        await Message(page, "Are you there?").WaitForAsync();
        await TabToAsync(page, "composer-text");
        await page.Keyboard.TypeAsync("네, 여기 있어요");
        await page.Keyboard.PressAsync("Enter");
        await Message(page, "네, 여기 있어요").WaitForAsync();

        await AssertFitsAndLabelledAsync(page);
    }

    [Fact]
    public async Task Pictures_profile_devices_people_you_may_like_and_sign_out_work()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Api.LoginAsync(ann.Email, deviceName: "Ann's phone");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var annPage = await SignedInPageAsync(browser, ann, $"/rooms/{room.Id}");
        var bobPage = await SignedInPageAsync(browser, bob, $"/rooms/{room.Id}");
        await Heading(annPage, "Bob").WaitForAsync();
        await Heading(bobPage, "Ann").WaitForAsync();

        // A picture sent from one side shows on both.
        await annPage.GetByLabel("Send a picture").SetInputFilesAsync(new FilePayload
        {
            Name = "판교역.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.Solid(800, 600, SkiaSharp.SKColors.Orange),
        });
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Send this picture" }).ClickAsync();
        await annPage.GetByAltText("Picture from you").WaitForAsync();
        await bobPage.GetByAltText("Picture from Ann").WaitForAsync();
        Assert.True(await bobPage.GetByAltText("Picture from Ann").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the picture did not load");
        await SendAsync(bobPage, "사진 고마워요");
        await Message(annPage, "사진 고마워요").WaitForAsync();

        // Profile: a new name and a picture.
        await annPage.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Heading(annPage, "Profile").WaitForAsync();
        await annPage.GetByLabel("Display name").FillAsync("앤 Ann");
        await annPage.GetByLabel("About me").FillAsync("판교에 살아요");
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await annPage.GetByText("Saved.").WaitForAsync();
        await annPage.GetByLabel("Change your picture").SetInputFilesAsync(new FilePayload
        {
            Name = "me.png",
            MimeType = "image/png",
            Buffer = TestImages.Quadrants(400, 400),
        });
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Use as my picture" }).ClickAsync();
        await annPage.GetByAltText("Your picture").WaitForAsync();

        // Devices: the phone's session is signed out from here.
        await annPage.GetByRole(AriaRole.Link, new() { Name = "Devices" }).ClickAsync();
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Sign out Ann's phone" }).ClickAsync();
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Sign out Ann's phone" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // People you may like: suggestions or the reason there are none, and a rating of someone Ann talked with.
        await annPage.GetByRole(AriaRole.Link, new() { Name = "People you may like" }).ClickAsync();
        await Heading(annPage, "People you may like").WaitForAsync();
        await annPage.GetByLabel("Bob").SelectOptionAsync("5");
        await annPage.GetByRole(AriaRole.Status).Filter(new() { HasText = "You rated Bob 5 of 5." }).WaitForAsync();

        // Sign out forgets the session, also after a reload.
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Heading(annPage, "Sign in").WaitForAsync();
        await annPage.GotoAsync("/");
        await Heading(annPage, "Sign in").WaitForAsync();
    }

    [Fact]
    public async Task Cold_load_to_first_message_is_measured()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await Chat.SendAsync(bob, room.Id, "첫 메시지 — first message");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        var clock = Stopwatch.StartNew();
        var page = await SignedInPageAsync(browser, ann, $"/rooms/{room.Id}");
        await Message(page, "첫 메시지 — first message").WaitForAsync();
        clock.Stop();
        var bytes = await page.EvaluateAsync<double>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || 0), 0)");
        var files = await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').length");

        output.WriteLine($"web app cold load: {bytes / 1024 / 1024:F1} MiB in {files} files transferred, {clock.ElapsedMilliseconds} ms to the first message shown");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.InRange(bytes, 100_000, 30 * 1024 * 1024);
    }

    private Task<IPage> SignedInPageAsync(IBrowser browser, TestUser user, string path, ViewportSize? viewport = null) =>
        WebAppPages.SignedInPageAsync(browser, Factory.Address, output, user, path, viewport);

    /// <summary>Presses Tab until the element with that id (or matching that selector) has the focus.</summary>
    private static async Task TabToAsync(IPage page, string target, bool selector = false)
    {
        var test = selector ? $"document.activeElement && document.activeElement.matches(\"{target}\")" : $"document.activeElement && document.activeElement.id === '{target}'";
        for (var presses = 0; presses < 30; presses++)
        {
            if (await page.EvaluateAsync<bool>($"() => !!({test})"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {target}");
    }

    [GeneratedRegex("/rooms/[0-9a-f-]{36}$")]
    private static partial Regex RoomPath();
}
