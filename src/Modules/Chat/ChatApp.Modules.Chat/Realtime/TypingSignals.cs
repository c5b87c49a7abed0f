using Microsoft.AspNetCore.SignalR;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Caching.Memory;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>"Someone is typing": ephemeral, never stored, sent only to the room's other members, and throttled to one
/// signal per user and room every <see cref="Throttle"/> (extra signals are dropped, which is what a client wants under load).</summary>
internal sealed class TypingSignals(ChatDbContext db, RoomCards cards, IHubContext<ChatHub> hub, IMemoryCache throttle)
{
    public static readonly TimeSpan Throttle = TimeSpan.FromSeconds(2);

    /// <summary>False when the user is not a member of the room (the caller turns that into the usual not-found error).</summary>
    public async Task<bool> SendAsync(Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var key = $"chat:typing:{userId:N}:{roomId:N}";
        if (throttle.TryGetValue(key, out _))
        {
            return true;
        }

        var members = (await cards.GetAsync(db, roomId, cancellationToken))?.Members.Select(m => m.UserId).ToList() ?? [];
        if (!members.Contains(userId))
        {
            return false;
        }

        throttle.Set(key, true, Throttle);
        var others = members.Where(id => id != userId).Select(id => id.ToString()).ToList();
        await hub.Clients.Users(others).SendAsync(ChatEvents.Typing, new TypingEvent(roomId, userId), cancellationToken);
        return true;
    }
}
