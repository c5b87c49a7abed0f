namespace ChatApp.Web.Services;

/// <summary>
/// The part of a picture to keep, chosen before upload: a shape (square, or the picture's own proportions), a zoom
/// (1 keeps as much as the shape allows) and where the frame sits, 0–100 % of its travel across and down. The rectangle is
/// in pixels of the picture as the browser shows it (EXIF orientation applied), which is what the server crops.
/// </summary>
internal sealed record CropFrame(int ImageWidth, int ImageHeight, bool Square, double Zoom, double Across, double Down)
{
    public const double MaxZoom = 4;

    public int Width => Math.Max(1, (int)Math.Round((Square ? Math.Min(ImageWidth, ImageHeight) : ImageWidth) / Clamp(Zoom, 1, MaxZoom)));

    public int Height => Square ? Width : Math.Max(1, (int)Math.Round(ImageHeight / Clamp(Zoom, 1, MaxZoom)));

    public int X => (int)Math.Round((ImageWidth - Width) * Clamp(Across, 0, 100) / 100);

    public int Y => (int)Math.Round((ImageHeight - Height) * Clamp(Down, 0, 100) / 100);

    /// <summary>Keeps the whole picture: nothing to send, the server keeps it as it is.</summary>
    public bool IsWhole => X == 0 && Y == 0 && Width == ImageWidth && Height == ImageHeight;

    /// <summary>The frame over the preview, in percentages of the preview (so it does not depend on the preview's size).</summary>
    public string Style => FormattableString.Invariant(
        $"left:{100.0 * X / ImageWidth:0.###}%;top:{100.0 * Y / ImageHeight:0.###}%;width:{100.0 * Width / ImageWidth:0.###}%;height:{100.0 * Height / ImageHeight:0.###}%");

    public ChatApp.Client.Media.Crop ToCrop() => new(X, Y, Width, Height);

    private static double Clamp(double value, double min, double max) => double.IsNaN(value) ? min : Math.Clamp(value, min, max);
}
