namespace ChatApp.Client.Chat;

/// <summary>A group picture (server: RoomPictureResponse).</summary>
public sealed record RoomPicture(Guid MediaId, string? Url, string? SmallUrl);
