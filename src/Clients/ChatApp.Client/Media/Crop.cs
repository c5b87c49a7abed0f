namespace ChatApp.Client.Media;

/// <summary>A rectangle of the image as displayed (after its EXIF orientation), in pixels.</summary>
public sealed record Crop(int X, int Y, int Width, int Height);
