using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatApp.Web.Services;

/// <summary>The app's one JavaScript module (<c>js/app.js</c>), imported once.</summary>
internal sealed class BrowserInterop(IJSRuntime js)
{
    private Task<IJSObjectReference>? _module;

    public async Task AttachComposerAsync<T>(ElementReference textarea, DotNetObjectReference<T> component)
        where T : class =>
        await (await ModuleAsync()).InvokeVoidAsync("attachComposer", textarea, component);

    public async Task<string> TakeTextAsync(ElementReference textarea) => await (await ModuleAsync()).InvokeAsync<string>("takeText", textarea);

    public async Task SetTextAsync(ElementReference textarea, string text) => await (await ModuleAsync()).InvokeVoidAsync("setText", textarea, text);

    public async Task FocusAsync(ElementReference element) => await (await ModuleAsync()).InvokeVoidAsync("focus", element);

    public async Task ScrollToEndAsync(ElementReference element) => await (await ModuleAsync()).InvokeVoidAsync("scrollToEnd", element);

    public async Task FocusByIdAsync(string id) => await (await ModuleAsync()).InvokeVoidAsync("focusById", id);

    public async Task ShowElementAsync(string id) => await (await ModuleAsync()).InvokeVoidAsync("showElement", id);

    public async Task MarkReadyAsync() => await (await ModuleAsync()).InvokeVoidAsync("markReady");

    private Task<IJSObjectReference> ModuleAsync() =>
        _module ??= js.InvokeAsync<IJSObjectReference>("import", "./js/app.js").AsTask();
}
