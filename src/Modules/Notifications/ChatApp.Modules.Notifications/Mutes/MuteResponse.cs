namespace ChatApp.Modules.Notifications.Mutes;

/// <summary>A room I get no pushes from; <c>until</c> null: until I unmute it.</summary>
internal sealed record MuteResponse(Guid RoomId, DateTime? Until, DateTime CreatedAt)
{
    public static MuteResponse From(RoomMute mute) => new(mute.RoomId, mute.Until, mute.CreatedAt);
}
