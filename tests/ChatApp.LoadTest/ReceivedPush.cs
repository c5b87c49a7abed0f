namespace ChatApp.LoadTest;

/// <summary>A push the FCM stand-in accepted: when (Stopwatch ticks), to which device token, about which room and seq, and its kind ("message" or "read").</summary>
internal sealed record ReceivedPush(long At, string Token, string RoomId, long Seq, string Type);
