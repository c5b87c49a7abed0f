using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

internal sealed record RoomCreatedEvent(Guid RoomId, long Seq);
