namespace ChatApp.Modules.Media.Contracts;

/// <summary>One stored rendition of an image (<c>avatar-512</c>, <c>avatar-128</c>, <c>chat</c>, <c>chat-thumb</c>).</summary>
public sealed record MediaVariantInfo(string Name, string Url, int Width, int Height, string ContentType, long Bytes);
