using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatApp.IntegrationTests.WebApp;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by tests/services.sh) driven by Playwright, headless; its own
/// browser download is not reachable here. Root in CI: no sandbox. No background traffic (connections are refused).
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Debug WebAssembly is large and CI has two busy cores: waits are generous.</summary>
    public const float Timeout = 120_000;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>A page in a context of its own (its own storage: another person); the app's console errors go to <paramref name="output"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri address, ITestOutputHelper output, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = viewport,
            Locale = "ko-KR",
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"browser {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        return page;
    }
}

/// <summary>Browser tests run one class at a time: each chromium takes a core while the app starts.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup
{
    public const string Name = "browser";
}
