using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static ChatApp.IntegrationTests.WebApp.WebAppPages;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>Cropping a picture in the browser before it is uploaded (ADR 0025 part D, "Cropping before upload").</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WebAppCropBrowserTests(KestrelChatAppFactory factory, ITestOutputHelper output)
    : IntegrationTest<KestrelChatAppFactory>(factory)
{
    [Fact]
    public async Task An_avatar_is_framed_by_keyboard_and_the_server_keeps_exactly_that_square()
    {
        var ann = await Api.NewUserAsync("Ann");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, Factory.Address, output, ann, "/profile");
        await Heading(page, "Profile").WaitForAsync();

        // Red | green over blue | yellow, 400 × 400: zoomed ×2 the frame is one quadrant; to the right and the top: green.
        await page.GetByLabel("Change your picture").SetInputFilesAsync(new FilePayload { Name = "사분면.png", MimeType = "image/png", Buffer = TestImages.Quadrants(400, 400) });
                await Frame(page, "0,0,400,400").WaitForAsync();
        await page.GetByLabel("Zoom").FillAsync("2");
        await Frame(page, "100,100,200,200").WaitForAsync();
        await page.GetByLabel("Left to right").FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.GetByLabel("Top to bottom").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await Frame(page, "200,0,200,200").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use as my picture" }).ClickAsync();
        await page.GetByAltText("Your picture").WaitForAsync();

        // The picture the page shows (the 128 × 128 variant) is all green.
        var avatar = await Media.FetchBytesAsync((await page.GetByAltText("Your picture").GetAttributeAsync("src"))!);
        foreach (var (x, y) in new[] { (5, 5), (64, 64), (122, 122) })
        {
            Assert.True(TestImages.Near(TestImages.PixelAt(avatar, x, y), SKColors.Lime), $"pixel ({x}, {y}) is {TestImages.PixelAt(avatar, x, y)}, not green");
        }
    }

    [Fact]
    public async Task A_chat_picture_is_framed_by_dragging_in_its_EXIF_orientation_and_cancel_uploads_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await SignedInPageAsync(browser, Factory.Address, output, ann, $"/rooms/{room.Id}");
        await Heading(page, "Bob").WaitForAsync();

        // Not a picture: said so, nothing chosen.
        await page.GetByLabel("Send a picture").SetInputFilesAsync(new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "not a picture"u8.ToArray() });
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "not a picture that can be shown" }).WaitForAsync();

        // Chosen, then cancelled: nothing is sent.
        await page.GetByLabel("Send a picture").SetInputFilesAsync(new FilePayload { Name = "a.jpg", MimeType = "image/jpeg", Buffer = TestImages.Solid(300, 200, SKColors.Orange) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByLabel("Send a picture").WaitForAsync();

        // Stored 800 × 400 red | blue, EXIF "rotate 90° clockwise": shown 400 × 800, red above blue. As a square the
        // frame starts in the middle; dragged far down it keeps the bottom square, which is blue.
        var photo = TestImages.WithExif(TestImages.Halves(800, 400, SKColors.Red, SKColors.Blue), orientation: 6);
        await page.GetByLabel("Send a picture").SetInputFilesAsync(new FilePayload { Name = "세로.jpg", MimeType = "image/jpeg", Buffer = photo });
                await Frame(page, "0,0,400,800").WaitForAsync();
        await page.GetByLabel("Square").CheckAsync();
        await Frame(page, "0,200,400,400").WaitForAsync();
        var box = (await page.Locator(".crop-frame").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height * 3, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Frame(page, "0,400,400,400").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send this picture" }).ClickAsync();
        await page.GetByAltText("Picture from you").WaitForAsync();

        var messages = await Api.Client(bob).Chat.GetMessagesAsync(room.Id);
        var sent = Assert.Single(messages.Messages);
        var variant = Assert.Single(sent.Attachments).Variants.OrderByDescending(v => v.Width).First();
        Assert.Equal(variant.Width, variant.Height);
        var bytes = await Media.FetchBytesAsync(variant.Url);
        foreach (var (x, y) in new[] { (5, 5), (variant.Width / 2, variant.Height / 2), (variant.Width - 5, variant.Height - 5) })
        {
            Assert.True(TestImages.Near(TestImages.PixelAt(bytes, x, y), SKColors.Blue), $"pixel ({x}, {y}) is {TestImages.PixelAt(bytes, x, y)}, not blue");
        }
    }

    /// <summary>The crop frame once it shows that rectangle (x,y,width,height in picture pixels, as the page will send it).</summary>
    private static ILocator Frame(IPage page, string crop) => page.Locator($".crop-frame[data-crop='{crop}']");
}
