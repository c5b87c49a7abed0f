namespace ChatApp.Modules.Chat.Rooms;

/// <summary>A group room's picture: its Media id and the public URLs of its 512 and 128 pixel squares.</summary>
internal sealed record RoomPictureResponse(Guid MediaId, string? Url, string? SmallUrl);
