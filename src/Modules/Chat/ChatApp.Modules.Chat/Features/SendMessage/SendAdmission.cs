using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Decides which sends of a batch are stored: runs the admission queries (the rooms' members, the replay look-up,
/// blocks, reply targets; one each, and only when needed) and applies <see cref="SendRules"/> to what they found.
/// Answers the sends that are refused or replays.
/// </summary>
internal sealed class SendAdmission(SendRules rules)
{
    /// <summary>Returns the batch's rooms and the sends to store, each send once; every other send is answered.</summary>
    public async Task<(Dictionary<Guid, RoomInfo> Rooms, List<PendingSend> Accepted)> AdmitAsync(
        ChatDbContext db, IMediaCatalog media, IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var rooms = await LoadRoomsAsync(db, batch, cancellationToken);
        var primaries = SendRules.Group(batch, rooms);
        var sent = await FindSentAsync(db, primaries, cancellationToken);
        var (replays, candidates) = rules.Screen(primaries, sent);
        foreach (var (pending, original) in replays)
        {
            pending.Complete(await ReplayAsync(media, pending, original, cancellationToken));
        }

        var blocked = await BlockedAsync(db, SendRules.DirectSends(candidates, rooms), cancellationToken);
        var replyRooms = await ReplyRoomsAsync(db, candidates, cancellationToken);
        return (rooms, SendRules.Accept(candidates, SendRules.PartnerDeleted(candidates, rooms), blocked, replyRooms));
    }

    /// <summary>The messages already stored for these sends, by (sender, client message id).</summary>
    public static async Task<Dictionary<(Guid, string), Message>> FindSentAsync(
        ChatDbContext db, IEnumerable<PendingSend> sends, CancellationToken cancellationToken)
    {
        var keys = sends.Select(p => p.Key).ToHashSet();
        if (keys.Count == 0)
        {
            return [];
        }

        // One point lookup per key on the unique (sender, client message id) index. Two IN lists (senders, ids) would
        // make the database scan every message of every sender in the batch: that grew with history and was most of
        // the database's time under load.
        await using var sql = new SqlBatch<Message>(db);
        var sender = sql.Column(nameof(Message.SenderId));
        var clientMessageId = sql.Column(nameof(Message.ClientMessageId));
        foreach (var (senderId, clientId) in keys)
        {
            sql.Text.Append(sql.Text.Length == 0 ? "(" : " OR (")
                .Append($"{sender} = {sql.Value(nameof(Message.SenderId), senderId)} AND {clientMessageId} = {sql.Value(nameof(Message.ClientMessageId), clientId)})");
        }

        var found = await sql.Where().ToListAsync(cancellationToken);
        return found.Where(m => keys.Contains((m.SenderId, m.ClientMessageId))).ToDictionary(m => (m.SenderId, m.ClientMessageId));
    }

    /// <summary>Answers a send that was already stored (see <see cref="SendRules.Replay"/>), with its pictures' URLs.</summary>
    public static async Task<Result<SendMessageResult>> ReplayAsync(IMediaCatalog media, PendingSend pending, Message original, CancellationToken cancellationToken) =>
        SendRules.Replay(pending, original, SendRules.IsSameRoom(pending, original)
            ? await MessageAttachments.LoadAsync(media, [original], cancellationToken)
            : null);

    private static async Task<Dictionary<Guid, RoomInfo>> LoadRoomsAsync(ChatDbContext db, IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var roomIds = batch.Select(p => p.Command.RoomId).Distinct().ToList();
        var members = await db.Rooms.AsNoTracking()
            .Where(r => roomIds.Contains(r.Id))
            .SelectMany(r => r.Members, (r, m) => new { r.Id, r.Kind, m.UserId })
            .ToListAsync(cancellationToken);
        return members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => new RoomInfo(g.First().Kind, g.Select(m => m.UserId).ToList()));
    }

    /// <summary>Sends into direct rooms where either person has blocked the other.</summary>
    private static async Task<HashSet<PendingSend>> BlockedAsync(
        ChatDbContext db, List<(PendingSend Send, Guid Partner)> direct, CancellationToken cancellationToken)
    {
        if (direct.Count == 0)
        {
            return [];
        }

        var people = direct.SelectMany(d => new[] { d.Send.Command.UserId, d.Partner }).Distinct().ToList();
        var blocks = (await db.Blocks.AsNoTracking()
                .Where(b => people.Contains(b.BlockerId) && people.Contains(b.BlockedId))
                .Select(b => new { b.BlockerId, b.BlockedId })
                .ToListAsync(cancellationToken))
            .Select(b => (b.BlockerId, b.BlockedId))
            .ToHashSet();
        return SendRules.Blocked(direct, blocks);
    }

    private static async Task<Dictionary<Guid, Guid>> ReplyRoomsAsync(ChatDbContext db, List<PendingSend> sends, CancellationToken cancellationToken)
    {
        var replyIds = sends.Where(p => p.Command.ReplyTo is not null).Select(p => p.Command.ReplyTo!.Value).Distinct().ToList();
        return replyIds.Count == 0
            ? []
            : await db.Messages.AsNoTracking().Where(m => replyIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.RoomId, cancellationToken);
    }
}
