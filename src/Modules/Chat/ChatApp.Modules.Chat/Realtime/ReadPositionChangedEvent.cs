using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

internal sealed record ReadPositionChangedEvent(Guid RoomId, Guid UserId, long ReadSeq);
