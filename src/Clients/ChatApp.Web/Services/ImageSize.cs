namespace ChatApp.Web.Services;

/// <summary>A picture's size in pixels, as the browser shows it.</summary>
internal sealed record ImageSize(int Width, int Height);
