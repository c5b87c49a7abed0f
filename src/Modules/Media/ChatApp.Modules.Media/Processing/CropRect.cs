
namespace ChatApp.Modules.Media.Processing;

/// <summary>A crop rectangle in pixels of the image as displayed (after its EXIF orientation).</summary>
internal sealed record CropRect(int X, int Y, int Width, int Height);
