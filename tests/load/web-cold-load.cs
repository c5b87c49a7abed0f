// The web app's cold load in a real browser against a running host (docs/performance.md, "Web app"): how many bytes
// a first visit downloads and how long it takes from navigation to the first message shown, for a fresh browser
// context (empty cache) and again for a reload (cached). Sets up two people and a direct room through the typed client.
// Usage: dotnet run tests/load/web-cold-load.cs -- http://127.0.0.1:5080 [runs]   (chromium at /usr/bin/chromium)
#:package Microsoft.Playwright
#:property PublishAot=false
#:project ../../src/Clients/ChatApp.Client/ChatApp.Client.csproj
using System.Diagnostics;
using System.Text.Json;
using ChatApp.Client;
using Microsoft.Playwright;

var address = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5080");
var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
const string Password = "Cold-load-password-1";
const string Text = "첫 메시지 — first message";

var stamp = DateTime.UtcNow.Ticks;
var ann = new ChatAppClient(new HttpClient { BaseAddress = address });
var bob = new ChatAppClient(new HttpClient { BaseAddress = address });
await ann.Accounts.RegisterAsync($"ann{stamp}@example.com", Password, "Ann");
await bob.Accounts.RegisterAsync($"bob{stamp}@example.com", Password, "Bob");
var annTokens = await ann.Accounts.LoginAsync($"ann{stamp}@example.com", Password, "cold-load");
await bob.Accounts.LoginAsync($"bob{stamp}@example.com", Password, "cold-load");
var bobId = (await bob.Accounts.GetMeAsync()).Id;
var room = await ann.Chat.OpenDirectAsync(bobId);
await bob.Chat.SendAsync(room.Id, Text);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var tokens = JsonSerializer.Serialize(annTokens, new JsonSerializerOptions(JsonSerializerDefaults.Web));
const string Transferred =
    "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || 0), 0)";

for (var run = 1; run <= runs; run++)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "ko-KR" });
    context.SetDefaultTimeout(120_000);
    await context.AddInitScriptAsync($"if (!localStorage.getItem('chatapp.tokens')) localStorage.setItem('chatapp.tokens', {JsonSerializer.Serialize(tokens)});");
    var page = await context.NewPageAsync();
    page.Console += (_, message) =>
    {
        if (message.Type is "error")
        {
            Console.Error.WriteLine($"browser error: {message.Text}");
        }
    };

    var clock = Stopwatch.StartNew();
    await page.GotoAsync($"/rooms/{room.Id}");
    await page.Locator("ol.messages li").Filter(new() { HasText = Text }).First.WaitForAsync();
    var cold = clock.ElapsedMilliseconds;
    var coldBytes = await page.EvaluateAsync<double>(Transferred);
    var files = await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').length");

    clock.Restart();
    await page.ReloadAsync();
    await page.Locator("ol.messages li").Filter(new() { HasText = Text }).First.WaitForAsync();
    var warm = clock.ElapsedMilliseconds;
    var warmBytes = await page.EvaluateAsync<double>(Transferred);

    Console.WriteLine(FormattableString.Invariant(
        $"run {run}: cold {coldBytes / 1024 / 1024:F2} MiB in {files} files, {cold} ms to the first message; reload {warmBytes / 1024:F0} KiB, {warm} ms"));
    await context.CloseAsync();
}
