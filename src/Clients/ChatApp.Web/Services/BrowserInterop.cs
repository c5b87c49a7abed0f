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

    /// <summary>A <c>blob:</c> address showing <paramref name="bytes"/> (a preview before upload); revoke it when done.</summary>
    public async Task<string> CreateObjectUrlAsync(byte[] bytes, string contentType) =>
        await (await ModuleAsync()).InvokeAsync<string>("createObjectUrl", bytes, contentType);

    public async Task RevokeObjectUrlAsync(string url) => await (await ModuleAsync()).InvokeVoidAsync("revokeObjectUrl", url);

    /// <summary>The picture's size as the browser shows it (EXIF orientation applied); null when it cannot be decoded.</summary>
    public async Task<ImageSize?> ImageSizeAsync(string url) => await (await ModuleAsync()).InvokeAsync<ImageSize?>("imageSize", url);

    /// <summary>Dragging <paramref name="frame"/> moves the two position sliders (which stay the keyboard's way).</summary>
    public async Task AttachCropDragAsync(ElementReference frame, ElementReference across, ElementReference down) =>
        await (await ModuleAsync()).InvokeVoidAsync("attachCropDrag", frame, across, down);

    public async Task FocusByIdAsync(string id) => await (await ModuleAsync()).InvokeVoidAsync("focusById", id);

    public async Task ShowElementAsync(string id) => await (await ModuleAsync()).InvokeVoidAsync("showElement", id);

    public async Task MarkReadyAsync() => await (await ModuleAsync()).InvokeVoidAsync("markReady");

    private Task<IJSObjectReference> ModuleAsync() =>
        _module ??= js.InvokeAsync<IJSObjectReference>("import", "./js/app.js").AsTask();
}
