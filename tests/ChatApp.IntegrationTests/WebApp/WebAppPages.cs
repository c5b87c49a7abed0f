using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>Steps that browser tests of the web app share: a signed-in page, headings, in-app navigation, layout checks.</summary>
internal static class WebAppPages
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

    public static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

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
