using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.PushContentLookup;

/// <summary>
/// Answers <see cref="IPushContent"/> from Chat's tables in four queries per batch: memberships with their rooms, the
/// newest message to announce per key, those messages, and the users' total unread counts (by <see cref="UnreadMessages"/>,
/// the rule of every unread count). The first two read every membership of the asked users in the asked rooms and keep
/// the asked pairs, which is the same thing for the small batches a sender asks about.
/// </summary>
internal sealed class PushContent(ChatDbContext db) : IPushContent
{
    public async Task<PushContentSnapshot> GetAsync(IReadOnlyCollection<PushContentKey> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToHashSet();
        if (wanted.Count == 0)
        {
            return new PushContentSnapshot(new Dictionary<PushContentKey, PushRoomContent>(), new Dictionary<Guid, int>());
        }

        var userIds = wanted.Select(k => k.UserId).Distinct().ToList();
        var roomIds = wanted.Select(k => k.RoomId).Distinct().ToList();
        var memberships = db.RoomMembers.AsNoTracking().Where(m => userIds.Contains(m.UserId) && roomIds.Contains(m.RoomId));

        var rooms = (await (
                    from membership in memberships
                    join room in db.Rooms.AsNoTracking() on membership.RoomId equals room.Id
                    select new { membership.UserId, membership.RoomId, membership.ReadSeq, room.Kind, room.Name })
                .ToListAsync(cancellationToken))
            .Where(r => wanted.Contains(new PushContentKey(r.UserId, r.RoomId)))
            .ToList();

        var latestSeqs = (await UnreadMessages.Of(db, memberships)
                .Where(u => !db.Blocks.Any(b => (b.BlockerId == u.UserId && b.BlockedId == u.SenderId) || (b.BlockerId == u.SenderId && b.BlockedId == u.UserId)))
                .GroupBy(u => new { u.UserId, u.RoomId })
                .Select(g => new { g.Key.UserId, g.Key.RoomId, Seq = g.Max(u => u.Seq) })
                .ToListAsync(cancellationToken))
            .Where(l => wanted.Contains(new PushContentKey(l.UserId, l.RoomId)))
            .ToDictionary(l => new PushContentKey(l.UserId, l.RoomId), l => l.Seq);

        var messages = await LoadMessagesAsync(latestSeqs.Select(l => (l.Key.RoomId, l.Value)).Distinct().ToList(), cancellationToken);

        var totals = await UnreadMessages.Of(db, db.RoomMembers.AsNoTracking().Where(m => userIds.Contains(m.UserId)))
            .GroupBy(u => u.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(t => t.UserId, t => t.Count, cancellationToken);

        var contents = wanted.ToDictionary(k => k, _ => PushRoomContent.NotMember);
        foreach (var room in rooms)
        {
            var key = new PushContentKey(room.UserId, room.RoomId);
            var latest = latestSeqs.TryGetValue(key, out var seq) ? messages.GetValueOrDefault((room.RoomId, seq)) : null;
            var kind = room.Kind == RoomKind.Direct ? PushRoomKind.Direct : PushRoomKind.Group;
            contents[key] = new PushRoomContent(true, room.ReadSeq, kind, kind == PushRoomKind.Group ? room.Name : null, latest);
        }

        return new PushContentSnapshot(contents, userIds.ToDictionary(u => u, u => totals.GetValueOrDefault(u)));
    }

    private async Task<Dictionary<(Guid RoomId, long Seq), PushMessagePreview>> LoadMessagesAsync(
        IReadOnlyCollection<(Guid RoomId, long Seq)> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return [];
        }

        var roomIds = wanted.Select(w => w.RoomId).Distinct().ToList();
        var seqs = wanted.Select(w => w.Seq).Distinct().ToList();
        var pairs = wanted.ToHashSet();
        var rows = await db.Messages.AsNoTracking()
            .Where(m => roomIds.Contains(m.RoomId) && seqs.Contains(m.Seq))
            .Select(m => new { m.Id, m.RoomId, m.Seq, m.SenderId, m.Text, m.Attachments })
            .ToListAsync(cancellationToken);
        return rows
            .Where(m => pairs.Contains((m.RoomId, m.Seq)))
            .ToDictionary(
                m => (m.RoomId, m.Seq),
                m => new PushMessagePreview(m.Id, m.Seq, m.SenderId, PreviewText.Trim(m.Text, PushMessagePreview.TextMaxElements), m.Attachments != null));
    }
}
