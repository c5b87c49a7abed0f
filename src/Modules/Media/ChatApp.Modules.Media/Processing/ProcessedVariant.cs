
namespace ChatApp.Modules.Media.Processing;

/// <summary>One encoded variant.</summary>
internal sealed record ProcessedVariant(string Name, int Width, int Height, string ContentType, byte[] Bytes);
