
namespace ChatApp.Modules.Media.Processing;

/// <summary>The outcome of processing an upload: what it was and its variants.</summary>
internal sealed record ProcessedImage(string SourceFormat, int SourceWidth, int SourceHeight, int Width, int Height, IReadOnlyList<ProcessedVariant> Variants);
