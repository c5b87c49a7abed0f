using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.PushContentLookup;

/// <summary>
/// Answers <see cref="IPushContent"/> from Chat's tables: memberships with their rooms (one query), the newest message to
/// announce per key (one short index walk each), and each user's total unread count (one query each, reading at most
/// <see cref="PushContentSnapshot.MaxTotalUnread"/> rows; by <see cref="UnreadMessages"/>, the rule of every unread count). The first reads every membership of the asked users in
/// the asked rooms and keeps the asked pairs, which is the same thing for the small batches a sender asks about.
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

        // The newest pushable message per key: one short query each, walking the room's (RoomId, Seq) index down from
        // the end and stopping at the first message that is unread, not deleted, not the member's own and not from
        // someone blocked either way; its cost does not grow with the member's backlog. A sender asks about at most
        // one batch of keys.
        var latest = new Dictionary<PushContentKey, PushMessagePreview>();
        foreach (var room in rooms)
        {
            var (userId, roomId) = (room.UserId, room.RoomId);
            var message = await UnreadMessages.InRoom(db, userId, roomId, room.ReadSeq)
                .Where(m => !db.Blocks.Any(b => (b.BlockerId == userId && b.BlockedId == m.SenderId) || (b.BlockerId == m.SenderId && b.BlockedId == userId)))
                .OrderByDescending(m => m.Seq)
                .Select(m => new { m.Id, m.Seq, m.SenderId, m.Text, HasAttachments = m.Attachments != null })
                .FirstOrDefaultAsync(cancellationToken);
            if (message is not null)
            {
                latest[new PushContentKey(userId, roomId)] = new PushMessagePreview(
                    message.Id, message.Seq, message.SenderId, PreviewText.Trim(message.Text, PushMessagePreview.TextMaxElements), message.HasAttachments);
            }
        }

        // Each person's total, counted up to the cap: the count stops reading once it gets there, so a backlog of
        // thousands costs no more than the cap.
        var totals = new Dictionary<Guid, int>();
        foreach (var userId in userIds)
        {
            totals[userId] = await UnreadMessages.Of(db, db.RoomMembers.AsNoTracking().Where(m => m.UserId == userId))
                .Take(PushContentSnapshot.MaxTotalUnread)
                .CountAsync(cancellationToken);
        }

        var contents = wanted.ToDictionary(k => k, _ => PushRoomContent.NotMember);
        foreach (var room in rooms)
        {
            var key = new PushContentKey(room.UserId, room.RoomId);
            var kind = room.Kind == RoomKind.Direct ? PushRoomKind.Direct : PushRoomKind.Group;
            contents[key] = new PushRoomContent(true, room.ReadSeq, kind, kind == PushRoomKind.Group ? room.Name : null, latest.GetValueOrDefault(key));
        }

        return new PushContentSnapshot(contents, userIds.ToDictionary(u => u, u => totals.GetValueOrDefault(u)));
    }
}
