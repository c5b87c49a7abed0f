namespace ChatApp.Modules.Media.Domain;

/// <summary>One stored object of an image.</summary>
internal sealed class MediaVariant
{
    public Guid MediaId { get; set; }

    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public string ContentType { get; set; } = "";

    public long Bytes { get; set; }
}
