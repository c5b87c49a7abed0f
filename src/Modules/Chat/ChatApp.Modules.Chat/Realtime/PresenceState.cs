using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

internal sealed record PresenceState(bool Online, DateTime? LastSeenAt);
