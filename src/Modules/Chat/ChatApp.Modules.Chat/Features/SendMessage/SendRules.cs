using ChatApp.Modules.Chat.Realtime;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// The send path's admission rules without the database: given what <see cref="SendAdmission"/>'s queries found, each
/// step answers the sends it refuses (or replays) and passes the rest on, in batch order.
/// </summary>
internal sealed class SendRules(SendRateLimiter rateLimiter)
{
    /// <summary>
    /// Membership and copies of one send. Answers the sends of non-members with <see cref="ChatErrors.RoomNotFound"/>;
    /// returns the first copy of each send per room, with its later copies as followers (answered with its message).
    /// </summary>
    public static IReadOnlyCollection<PendingSend> Group(IReadOnlyList<PendingSend> batch, IReadOnlyDictionary<Guid, RoomInfo> rooms)
    {
        // Copies of one send are grouped per room: a copy aimed at another room must get its own answer (a replay
        // there is a conflict), not the answer of the first copy. Two rooms' copies both reaching the insert collide
        // on the unique (sender, client message id) index, and the batch is then stored one send at a time.
        var primaries = new Dictionary<((Guid, string), Guid), PendingSend>();
        foreach (var pending in batch)
        {
            var command = pending.Command;
            if (!rooms.TryGetValue(command.RoomId, out var room) || !room.Members.Contains(command.UserId))
            {
                pending.Complete(ChatErrors.RoomNotFound);
            }
            else if (primaries.TryGetValue((pending.Key, command.RoomId), out var first))
            {
                first.Followers.Add(pending); // the same send twice in one batch: answered with the first one's message
            }
            else
            {
                primaries.Add((pending.Key, command.RoomId), pending);
            }
        }

        return primaries.Values;
    }

    /// <summary>
    /// Replays and the rate limit. Returns the sends already stored (by an earlier batch or another node) with their
    /// original, to be answered by <see cref="Replay"/>; answers those over the rate limit (a replay costs no token);
    /// returns the rest as candidates.
    /// </summary>
    public (List<(PendingSend Send, Message Original)> Replays, List<PendingSend> Candidates) Screen(
        IEnumerable<PendingSend> primaries, IReadOnlyDictionary<(Guid, string), Message> sent)
    {
        var replays = new List<(PendingSend, Message)>();
        var candidates = new List<PendingSend>();
        foreach (var pending in primaries)
        {
            if (sent.TryGetValue(pending.Key, out var original))
            {
                replays.Add((pending, original));
            }
            else if (!rateLimiter.TryAcquire(pending.Command.UserId))
            {
                pending.Complete(ChatErrors.RateLimited);
            }
            else
            {
                candidates.Add(pending);
            }
        }

        return (replays, candidates);
    }

    /// <summary>Whether a replay answers with its original, whose pictures are then needed, rather than with a conflict.</summary>
    public static bool IsSameRoom(PendingSend pending, Message original) => original.RoomId == pending.Command.RoomId;

    /// <summary>
    /// The answer to a send that was already stored: the original (not created now) when it went to the same room,
    /// otherwise <see cref="ChatErrors.ClientMessageIdReused"/>.
    /// </summary>
    public static Result<SendMessageResult> Replay(PendingSend pending, Message original, IReadOnlyDictionary<Guid, MediaImageInfo>? attachments) =>
        IsSameRoom(pending, original)
            ? new SendMessageResult(MessageResponse.From(original, attachments), Created: false)
            : ChatErrors.ClientMessageIdReused;

    /// <summary>
    /// The sends into direct rooms whose other person is gone. Nobody leaves a direct room except by deleting the
    /// account (<c>chat.not_a_group</c> otherwise), so a direct room with the sender alone has a deleted partner.
    /// </summary>
    public static HashSet<PendingSend> PartnerDeleted(IEnumerable<PendingSend> sends, IReadOnlyDictionary<Guid, RoomInfo> rooms) =>
        sends
            .Where(p => rooms[p.Command.RoomId] is { Kind: RoomKind.Direct } room && !room.Members.Any(u => u != p.Command.UserId))
            .ToHashSet();

    /// <summary>The sends into direct rooms, each with the room's other person (none when they left: not checked).</summary>
    public static List<(PendingSend Send, Guid Partner)> DirectSends(IEnumerable<PendingSend> sends, IReadOnlyDictionary<Guid, RoomInfo> rooms) =>
        sends
            .Where(p => rooms[p.Command.RoomId].Kind == RoomKind.Direct)
            .Select(p => (Send: p, Partner: rooms[p.Command.RoomId].Members.FirstOrDefault(u => u != p.Command.UserId)))
            .Where(d => d.Partner != Guid.Empty)
            .ToList();

    /// <summary>Of the direct sends, those where either person has blocked the other.</summary>
    public static HashSet<PendingSend> Blocked(IEnumerable<(PendingSend Send, Guid Partner)> direct, IReadOnlySet<(Guid Blocker, Guid Blocked)> blocks) =>
        direct
            .Where(d => blocks.Contains((d.Send.Command.UserId, d.Partner)) || blocks.Contains((d.Partner, d.Send.Command.UserId)))
            .Select(d => d.Send)
            .ToHashSet();

    /// <summary>
    /// Deleted partners, blocks and reply targets. Answers sends into a direct room whose other person deleted the
    /// account, blocked sends and replies to a message that is not in the send's room (or does not exist); returns the
    /// sends to store, in batch order. (A replay of a send stored before the deletion was answered earlier, with its
    /// message.)
    /// </summary>
    /// <param name="replyRooms">The room of each message replied to that exists.</param>
    public static List<PendingSend> Accept(
        IEnumerable<PendingSend> candidates, IReadOnlySet<PendingSend> partnerDeleted, IReadOnlySet<PendingSend> blocked, IReadOnlyDictionary<Guid, Guid> replyRooms)
    {
        var accepted = new List<PendingSend>();
        foreach (var pending in candidates)
        {
            if (partnerDeleted.Contains(pending))
            {
                pending.Complete(ChatErrors.PartnerDeleted);
            }
            else if (blocked.Contains(pending))
            {
                pending.Complete(ChatErrors.Blocked);
            }
            else if (pending.Command.ReplyTo is { } replyTo && (!replyRooms.TryGetValue(replyTo, out var replyRoom) || replyRoom != pending.Command.RoomId))
            {
                pending.Complete(Error.Validation("replyTo", "The message replied to is not in this room."));
            }
            else
            {
                accepted.Add(pending);
            }
        }

        return accepted;
    }
}
