using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>Message actions and read receipts in the web app, two or three people in their own browser contexts (ADR 0025, part D).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WebAppMessageBrowserTests(KestrelChatAppFactory factory, ITestOutputHelper output)
    : IntegrationTest<KestrelChatAppFactory>(factory)
{
    private const string Korean = "안녕하세요, 내일 판교역에서 만나요";
    private const string English = "See you at 8";

    [Fact]
    public async Task A_reply_quotes_its_original_live_and_after_a_reload()
    {
        var (minjun, sarah, room) = await TwoPeopleAsync();
        var original = await Chat.SendAsync(sarah, room.Id, $"{Korean}\n둘째 줄");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var minjunPage = await SignedInPageAsync(browser, minjun, $"/rooms/{room.Id}");
        var sarahPage = await SignedInPageAsync(browser, sarah, $"/rooms/{room.Id}");
        await Bubble(sarahPage, original.Seq).WaitForAsync();

        // By keyboard: Reply puts a preview (sender and first line) above the composer and the focus in it; Escape cancels.
        var reply = Bubble(minjunPage, original.Seq).GetByRole(AriaRole.Button, new() { Name = "Reply to Sarah Lee" });
        await reply.FocusAsync();
        await minjunPage.Keyboard.PressAsync("Enter");
        await minjunPage.Locator(".reply-preview").Filter(new() { HasText = $"Replying to Sarah Lee: {Korean}" }).WaitForAsync();
        await WaitForFocusAsync(minjunPage, "composer-text");
        await minjunPage.Keyboard.PressAsync("Escape");
        await minjunPage.Locator(".reply-preview").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await reply.ClickAsync();
        await minjunPage.GetByRole(AriaRole.Button, new() { Name = "Cancel reply" }).WaitForAsync();
        await WaitForFocusAsync(minjunPage, "composer-text");
        await minjunPage.Keyboard.TypeAsync(English);
        await minjunPage.Keyboard.PressAsync("Enter");
        await minjunPage.Locator(".reply-preview").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Sarah sees the quote live, and both after a reload; the quote leads to the original.
        await Quote(sarahPage, English, "You", Korean).WaitForAsync();
        await Quote(minjunPage, English, "Sarah Lee", Korean).WaitForAsync();
        await sarahPage.ReloadAsync();
        await Quote(sarahPage, English, "You", Korean).ClickAsync();
        await WaitForFocusAsync(sarahPage, $"m-{original.Seq}");
        var history = await Chat.HistoryAsync(sarah, room.Id);
        Assert.Equal(original.Id, history.Messages.Single(m => m.Text == English).ReplyToId);

        // A reply to a message deleted later quotes "Message deleted".
        await Api.Client(sarah).Chat.DeleteMessageAsync(room.Id, original.Id);
        await Quote(minjunPage, English, "Sarah Lee", "Message deleted").WaitForAsync();
    }

    [Fact]
    public async Task Reactions_are_given_and_taken_back_and_the_other_sees_the_counts_live()
    {
        var (minjun, sarah, room) = await TwoPeopleAsync();
        var message = await Chat.SendAsync(sarah, room.Id, Korean);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var minjunPage = await SignedInPageAsync(browser, minjun, $"/rooms/{room.Id}");
        var sarahPage = await SignedInPageAsync(browser, sarah, $"/rooms/{room.Id}", new ViewportSize { Width = 390, Height = 844 });
        var onMinjun = Bubble(minjunPage, message.Seq);
        var onSarah = Bubble(sarahPage, message.Seq);
        await onSarah.WaitForAsync();

        // Minjun reacts from the quick set; both see one 👍, pressed only on his side.
        await onMinjun.GetByRole(AriaRole.Button, new() { Name = "Add a reaction" }).ClickAsync();
        await onMinjun.GetByRole(AriaRole.Button, new() { Name = "React 👍", Exact = true }).ClickAsync();
        await Chip(onMinjun, "👍 1", pressed: true).WaitForAsync();
        await Chip(onSarah, "👍 1", pressed: false).WaitForAsync();
        await WaitForFocusAsync(minjunPage, $"react-{message.Seq}");

        // Sarah adds hers by the chip; Minjun takes his back by his chip.
        await Chip(onSarah, "👍 1", pressed: false).ClickAsync();
        await Chip(onSarah, "👍 2", pressed: true).WaitForAsync();
        await Chip(onMinjun, "👍 2", pressed: true).WaitForAsync();
        await Chip(onMinjun, "👍 2", pressed: true).ClickAsync();
        await Chip(onMinjun, "👍 1", pressed: false).WaitForAsync();
        await Chip(onSarah, "👍 1", pressed: true).WaitForAsync();

        // Another emoji, then the history page carries them after a reload.
        await onSarah.GetByRole(AriaRole.Button, new() { Name = "Add a reaction" }).ClickAsync();
        await onSarah.GetByRole(AriaRole.Button, new() { Name = "React 🙏", Exact = true }).ClickAsync();
        await Chip(onMinjun, "🙏 1", pressed: false).WaitForAsync();
        await minjunPage.ReloadAsync();
        await Chip(onMinjun, "👍 1", pressed: false).WaitForAsync();
        await Chip(onMinjun, "🙏 1", pressed: false).WaitForAsync();
        Assert.True(await sarahPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
    }

    [Fact]
    public async Task Edits_and_deletes_reach_the_other_person_live()
    {
        var (minjun, sarah, room) = await TwoPeopleAsync();
        var first = await Chat.SendAsync(minjun, room.Id, Korean);
        var second = await Chat.SendAsync(minjun, room.Id, English);
        var image = await Media.UploadAsync(minjun, TestImages.Solid(400, 300, SkiaSharp.SKColors.Orange), "chat");
        var picture = await Api.Client(minjun).Chat.SendAsync(room.Id, "", attachments: [image.Id]);
        var theirs = await Chat.SendAsync(sarah, room.Id, "좋아요");
        await Api.Client(sarah).Chat.ReactAsync(room.Id, second.Id, "👍");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var minjunPage = await SignedInPageAsync(browser, minjun, $"/rooms/{room.Id}");
        var sarahPage = await SignedInPageAsync(browser, sarah, $"/rooms/{room.Id}");
        await Bubble(sarahPage, theirs.Seq).WaitForAsync();

        // Edit and delete only on my messages; a picture alone can be deleted, not edited.
        await Bubble(minjunPage, theirs.Seq).WaitForAsync();
        Assert.Equal(0, await Bubble(minjunPage, theirs.Seq).GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).CountAsync());
        Assert.Equal(0, await Bubble(minjunPage, theirs.Seq).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).CountAsync());
        Assert.Equal(0, await Bubble(minjunPage, picture.Seq).GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).CountAsync());
        Assert.Equal(1, await Bubble(minjunPage, picture.Seq).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).CountAsync());

        // Edit: the text goes into the composer; Escape cancels; Enter saves; Sarah sees it live with "(edited)".
        await Bubble(minjunPage, first.Seq).GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var box = minjunPage.GetByLabel("Message", new() { Exact = true });
        await WaitForValueAsync(minjunPage, Korean);
        await WaitForFocusAsync(minjunPage, "composer-text");
        await minjunPage.Keyboard.PressAsync("Escape");
        await minjunPage.GetByText("Editing your message").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await WaitForValueAsync(minjunPage, "");
        await Bubble(minjunPage, first.Seq).GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await WaitForValueAsync(minjunPage, Korean);
        await box.FillAsync("내일 9시에 판교역에서 만나요");
        await box.PressAsync("Enter");
        await Bubble(sarahPage, first.Seq).Locator(".text").Filter(new() { HasText = "내일 9시에 판교역에서 만나요" }).WaitForAsync();
        await Bubble(sarahPage, first.Seq).GetByText("(edited)").WaitForAsync();
        await Bubble(minjunPage, first.Seq).GetByText("(edited)").WaitForAsync();

        // Delete asks first, then Sarah sees "Message deleted" live, and the message's reactions are gone.
        await Chip(Bubble(sarahPage, second.Seq), "👍 1", pressed: true).WaitForAsync();
        await Bubble(minjunPage, second.Seq).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Bubble(minjunPage, second.Seq).GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        Assert.Equal(English, (await Bubble(minjunPage, second.Seq).Locator(".text").InnerTextAsync()).Trim());
        await Bubble(minjunPage, second.Seq).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Bubble(minjunPage, second.Seq).GetByRole(AriaRole.Button, new() { Name = "Delete for everyone" }).ClickAsync();
        await Bubble(sarahPage, second.Seq).GetByText("Message deleted").WaitForAsync();
        await Bubble(sarahPage, second.Seq).Locator(".reactions").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Bubble(minjunPage, second.Seq).GetByText("Message deleted").WaitForAsync();

        // A refusal from the server is told: the message was deleted elsewhere while being edited.
        await Bubble(minjunPage, first.Seq).GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await WaitForValueAsync(minjunPage, "내일 9시에 판교역에서 만나요");
        await Api.Client(minjun).Chat.DeleteMessageAsync(room.Id, first.Id);
        await box.FillAsync("늦은 수정");
        await box.PressAsync("Enter");
        await minjunPage.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The message was deleted." }).WaitForAsync();
        await WaitForValueAsync(minjunPage, "늦은 수정");
    }

    [Fact]
    public async Task The_Enter_that_ends_a_Korean_composition_does_not_save_an_edit()
    {
        var (minjun, sarah, room) = await TwoPeopleAsync();
        var message = await Chat.SendAsync(minjun, room.Id, English);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, minjun, $"/rooms/{room.Id}");
        await Bubble(page, message.Seq).GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await WaitForValueAsync(page, English);
        var box = page.GetByLabel("Message", new() { Exact = true });
        await box.FillAsync("");
        await page.EvaluateAsync("() => { window.__enters = []; document.addEventListener('keydown', e => { if (e.key === 'Enter') window.__enters.push(e.isComposing); }, true); }");

        // A composition ("수정"), the Enter that ends it, then more text and a plain Enter. Had the first Enter saved,
        // the edit would have ended there and the second Enter would have sent a new message.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "수정", ["selectionStart"] = 2, ["selectionEnd"] = 2 });
        await page.Keyboard.PressAsync("Enter");
        Assert.StartsWith("수정", await box.InputValueAsync()); // not taken (a save empties the box at once); headless chromium may add the line feed a real IME swallows
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "수정" });
        await page.GetByText("Editing your message").WaitForAsync();
        await box.FillAsync("수정 완료");
        await page.Keyboard.PressAsync("Enter");

        await Bubble(page, message.Seq).Locator(".text").Filter(new() { HasText = "수정 완료" }).WaitForAsync();
        Assert.Equal(new[] { true, false }, await page.EvaluateAsync<bool[]>("() => window.__enters"));
        var history = await Chat.HistoryAsync(sarah, room.Id);
        Assert.Equal(new[] { "수정 완료" }, history.Messages.Select(m => m.Text));
        Assert.NotNull(history.Messages.Single().EditedAt);
    }

    [Fact]
    public async Task A_receipt_from_before_the_room_was_opened_shows_when_it_opens()
    {
        var (minjun, sarah, room) = await TwoPeopleAsync();
        await Chat.SendAsync(minjun, room.Id, Korean);
        var last = await Chat.SendAsync(minjun, room.Id, English);
        (await Chat.PostReadAsync(sarah, room.Id, last.Seq)).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        // Minjun was not connected when Sarah read: the receipt comes from the room's members.
        var page = await SignedInPageAsync(browser, minjun, $"/rooms/{room.Id}");

        await Bubble(page, last.Seq).Locator(".receipt").Filter(new() { HasTextRegex = new Regex("^Read$") }).WaitForAsync();
        Assert.Equal(1, await page.Locator(".receipt").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Group settings" }).CountAsync());
    }

    [Fact]
    public async Task A_group_shows_how_many_have_read_my_last_message()
    {
        var ann = await Api.NewUserAsync("김민준");
        var bob = await Api.NewUserAsync("Sarah Lee");
        var carl = await Api.NewUserAsync("이서연");
        var group = await Chat.CreateGroupAsync(ann, "판교 hiking", bob.Id, carl.Id);
        var last = await Chat.SendAsync(ann, group.Id, English);
        (await Chat.PostReadAsync(bob, group.Id, last.Seq)).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);

        var page = await SignedInPageAsync(browser, ann, $"/rooms/{group.Id}");
        await Bubble(page, last.Seq).Locator(".receipt").Filter(new() { HasText = "Read by 1" }).WaitForAsync();
        (await Chat.PostReadAsync(carl, group.Id, last.Seq)).EnsureSuccessStatusCode();

        await Bubble(page, last.Seq).Locator(".receipt").Filter(new() { HasText = "Read by 2" }).WaitForAsync();
        Assert.Equal($"/rooms/{group.Id}/settings", await page.GetByRole(AriaRole.Link, new() { Name = "Group settings", Exact = true }).GetAttributeAsync("href"));
    }

    /// <summary>Minjun and Sarah (a Korean and an English name) in a direct room.</summary>
    private async Task<(TestUser Minjun, TestUser Sarah, RoomDto Room)> TwoPeopleAsync()
    {
        var minjun = await Api.NewUserAsync("김민준");
        var sarah = await Api.NewUserAsync("Sarah Lee");
        var room = await Chat.OpenDirectAsync(minjun, sarah.Id);
        return (minjun, sarah, room);
    }

    private Task<IPage> SignedInPageAsync(IBrowser browser, TestUser user, string path, ViewportSize? viewport = null) =>
        WebAppPages.SignedInPageAsync(browser, Factory.Address, output, user, path, viewport);

    private static ILocator Bubble(IPage page, long seq) => page.Locator($"ol.messages li[data-seq='{seq}']");

    /// <summary>The message whose own text is <paramref name="text"/>, quoting <paramref name="sender"/>'s <paramref name="excerpt"/>.</summary>
    private static ILocator Quote(IPage page, string text, string sender, string excerpt) =>
        page.Locator("ol.messages li")
            .Filter(new() { Has = page.Locator(".text").Filter(new() { HasText = text }) })
            .Locator(".quote")
            .Filter(new() { Has = page.Locator(".quote-sender").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(sender)}$") }) })
            .Filter(new() { Has = page.Locator(".quote-excerpt").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(excerpt)}$") }) });

    private static ILocator Chip(ILocator message, string name, bool pressed) =>
        message.Locator(".reactions").GetByRole(AriaRole.Button, new() { Name = name, Exact = true, Pressed = pressed });

    private static Task WaitForFocusAsync(IPage page, string id) =>
        page.WaitForFunctionAsync("id => document.activeElement && document.activeElement.id === id", id, new() { Timeout = Browser.Timeout });

    private static Task WaitForValueAsync(IPage page, string text) =>
        page.WaitForFunctionAsync("text => document.getElementById('composer-text').value === text", text, new() { Timeout = Browser.Timeout });
}
