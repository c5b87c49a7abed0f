using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace ChatApp.IntegrationTests.Moderation;

/// <summary>
/// The moderators' pages in a real browser: Playwright drives Debian's chromium (<c>/usr/bin/chromium</c>, installed by
/// tests/services.sh), headless, against the host on a real socket.
/// </summary>
[Collection(ChatApp.IntegrationTests.WebApp.BrowserTestGroup.Name)]
public sealed class AdminQueueBrowserTests(KestrelChatAppFactory factory) : IntegrationTest<KestrelChatAppFactory>(factory)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task An_admin_signs_in_opens_the_queue_bans_a_reported_user_and_that_users_next_call_is_refused()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "너 진짜 바보야 — you idiot");
        await new ModerationApi(Factory, Api).ReportAsync(ann, "message", message.Id, "harassment", "계속 욕해요");
        using var bobsApi = new HttpClient { BaseAddress = Factory.Address };
        bobsApi.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bob.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await bobsApi.GetAsync("/api/v1/accounts/me")).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = Factory.Address.ToString() });
        page.SetDefaultTimeout(60_000); // CI runs on two busy cores

        await page.GotoAsync("/admin/moderation/reports");
        Assert.Contains("/admin/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mail").FillAsync(ChatAppFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync(ChatAppFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Reports" }).WaitForAsync();
        Assert.EndsWith("/admin/moderation/reports", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Reason").SelectOptionAsync("harassment");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();
        await page.Locator("#reason option[value=harassment][selected]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Review" }).ClickAsync();
        await page.Locator("#snapshot").WaitForAsync();
        Assert.Contains("너 진짜 바보야 — you idiot", await page.Locator("#snapshot").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#action").SelectOptionAsync("ban");
        await page.Locator("#reason").FillAsync("Repeated insults (반복된 욕설)");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Done: ban" }).WaitForAsync();
        Assert.Contains("actioned (ban", await page.Locator("#report-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Banned", await page.Locator("#person").InnerTextAsync(), StringComparison.Ordinal);

        var refused = await bobsApi.GetAsync("/api/v1/accounts/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var login = await Api.PostLoginAsync(bob.Email, bob.Password);
        Assert.Equal("accounts.banned", (await Problem.ReadAsync(login)).Code);
    }
}
