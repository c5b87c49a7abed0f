using Microsoft.Extensions.Caching.Memory;

namespace ChatApp.Modules.Chat.Realtime;

internal sealed record TypingEvent(Guid RoomId, Guid UserId);
