using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>The web app's pages as the browser tests drive them: signing in, headings, navigation, the composer, messages, layout checks.</summary>
public static class WebAppPages
{
    /// <summary>A fresh browser context whose localStorage already holds the user's session (as after a sign-in), at <paramref name="path"/>.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri address, ITestOutputHelper output, TestUser user, string path, ViewportSize? viewport = null)
    {
        var page = await Browser.NewPageAsync(browser, address, output, viewport);
        var tokens = JsonSerializer.Serialize(user.Tokens, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await page.Context.AddInitScriptAsync($"if (!localStorage.getItem('chatapp.tokens')) localStorage.setItem('chatapp.tokens', {JsonSerializer.Serialize(tokens)});");
        await page.GotoAsync(path);
        return page;
    }

    public static async Task SignUpAsync(IPage page, string email, string displayName, string handle)
    {
        await page.GotoAsync("/sign-up");
        await Heading(page, "Create an account").WaitForAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync(displayName);
        await page.GetByLabel("Handle").FillAsync(handle);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AccountsApi.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Heading(page, "Chats").WaitForAsync();
    }

    /// <summary>Types <paramref name="text"/> in the composer, presses Enter, and waits for it in the timeline.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        var box = page.GetByLabel("Message");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await page.Locator("li.message.mine").Filter(new() { HasText = text }).Last.WaitForAsync();
    }

    public static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    /// <summary>The newest message showing <paramref name="text"/> (from <paramref name="sender"/> when given).</summary>
    public static ILocator Message(IPage page, string text, string? sender = null)
    {
        var message = page.Locator("ol.messages li").Filter(new() { HasText = text });
        return sender is null ? message.Last : message.Filter(new() { HasText = sender }).Last;
    }

    /// <summary>Navigates inside the running app, as a link does (no reload of the WebAssembly app).</summary>
    public static Task NavigateAsync(IPage page, string path) =>
        page.EvaluateAsync("path => Blazor.navigateTo(path)", path);

    /// <summary>The page does not scroll sideways and every control has a label or a name.</summary>
    public static async Task AssertFitsAndLabelledAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, textarea, select, button')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).map(e => e.outerHTML)");
        Assert.Empty(unlabelled);
    }

    /// <summary>Waits until the focus is on the page's heading, showing <paramref name="name"/> (FocusOnNavigate puts it there after a navigation).</summary>
    public static Task HeadingFocusedAsync(IPage page, string name) =>
        page.WaitForFunctionAsync("name => document.activeElement && document.activeElement.tagName === 'H1' && document.activeElement.textContent.includes(name)", name);
}
