using ChatApp.Client;
using ChatApp.Web;
using ChatApp.Web.Services;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.JSInterop;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// One ChatAppClient per tab, against the origin that served the app (the Host serves both).
builder.Services.AddSingleton(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton<LocalStorageTokenStore>();
builder.Services.AddSingleton(provider => new ChatAppClient(
    provider.GetRequiredService<HttpClient>(),
    new ChatAppClientOptions { TokenStore = provider.GetRequiredService<LocalStorageTokenStore>() }));
builder.Services.AddSingleton<ChatState>();
builder.Services.AddSingleton<AppSession>();
builder.Services.AddSingleton(provider => new BrowserInterop(provider.GetRequiredService<IJSRuntime>()));

await builder.Build().RunAsync();
