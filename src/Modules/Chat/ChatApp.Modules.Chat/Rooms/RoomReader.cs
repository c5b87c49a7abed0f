using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Reads rooms as one member sees them, with a fixed number of queries however many rooms there are; the members and
/// their names come from the query cache (<see cref="RoomCards"/>, <see cref="IUserDirectory"/>).
/// </summary>
internal sealed class RoomReader(ChatDbContext db, IUserDirectory users, IMediaCatalog media, RoomCards cards)
{
    /// <summary>All my rooms, most recently active first (members not listed).</summary>
    public Task<IReadOnlyList<RoomResponse>> ListAsync(Guid me, CancellationToken cancellationToken) =>
        ReadAsync(me, roomId: null, includeMembers: false, cancellationToken);

    /// <summary>One room with its members, or null when it does not exist or I am not a member.</summary>
    public async Task<RoomResponse?> GetAsync(Guid me, Guid roomId, CancellationToken cancellationToken) =>
        (await ReadAsync(me, roomId, includeMembers: true, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<RoomResponse>> ReadAsync(Guid me, Guid? roomId, bool includeMembers, CancellationToken cancellationToken)
    {
        var mine = db.RoomMembers.AsNoTracking().Where(m => m.UserId == me && (roomId == null || m.RoomId == roomId));
        var rooms = await (
                from membership in mine
                join room in db.Rooms.AsNoTracking() on membership.RoomId equals room.Id
                orderby room.LastActivityAt descending, room.Id
                select new
                {
                    room.Id, room.Kind, room.Name, room.Topic, room.AvatarMediaId, room.OwnerId, room.LastSeq, room.LastActivityAt, room.LastMessageId, membership.ReadSeq,
                    MemberCount = db.RoomMembers.Count(m => m.RoomId == room.Id),
                })
            .ToListAsync(cancellationToken);
        if (rooms.Count == 0)
        {
            return [];
        }

        var roomIds = rooms.Select(r => r.Id).ToList();
        var lastMessageIds = rooms.Where(r => r.LastMessageId != null).Select(r => r.LastMessageId!.Value).ToList();
        var lastMessages = await db.Messages.AsNoTracking().Where(m => lastMessageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var attached = await MessageAttachments.LoadAsync(media, lastMessages.Values, cancellationToken);
        var pictures = await RoomPictures.LoadAsync(media, rooms.Select(r => r.AvatarMediaId), cancellationToken);
        var unread = await UnreadMessages.Of(db, mine)
            .GroupBy(u => u.RoomId)
            .Select(g => new { RoomId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RoomId, x => x.Count, cancellationToken);
        var directRoomIds = rooms.Where(r => r.Kind == RoomKind.Direct).Select(r => r.Id).ToList();
        var roomCards = await cards.GetManyAsync(db, includeMembers ? roomIds : directRoomIds, cancellationToken);
        var names = await users.GetUsersAsync(
            roomCards.Values.SelectMany(c => c.Members).Select(m => m.UserId).Where(id => includeMembers || id != me).Distinct().ToList(), cancellationToken);

        // Read positions move with every read, so they are read here, never from the cached cards.
        var readPositions = includeMembers
            ? await db.RoomMembers.AsNoTracking()
                .Where(m => roomIds.Contains(m.RoomId))
                .Select(m => new { m.RoomId, m.UserId, m.ReadSeq })
                .ToDictionaryAsync(m => (m.RoomId, m.UserId), m => m.ReadSeq, cancellationToken)
            : [];

        return rooms.Select(r =>
        {
            var members = roomCards.GetValueOrDefault(r.Id)?.Members ?? [];
            var other = r.Kind == RoomKind.Direct ? members.FirstOrDefault(m => m.UserId != me)?.UserId : null;
            var name = r.Kind == RoomKind.Direct ? NameOf(other ?? Guid.Empty, names) : r.Name ?? "";
            var last = r.LastMessageId is { } id && lastMessages.TryGetValue(id, out var message) ? MessageResponse.From(message, attached) : null;
            var memberList = includeMembers
                ? members.Select(m => new RoomMemberResponse(
                        m.UserId, NameOf(m.UserId, names), RoomRoles.NameOf(m.Role), names.GetValueOrDefault(m.UserId)?.AvatarUrl,
                        names.GetValueOrDefault(m.UserId)?.Deactivated == true, readPositions.GetValueOrDefault((r.Id, m.UserId))))
                    .ToList()
                : null;
            return new RoomResponse(
                r.Id, r.Kind == RoomKind.Direct ? "direct" : "group", name, r.OwnerId, other, r.MemberCount, r.LastSeq, r.LastActivityAt,
                last, r.ReadSeq, unread.GetValueOrDefault(r.Id), memberList, r.Topic,
                r.AvatarMediaId is { } pictureId ? pictures.GetValueOrDefault(pictureId) : null);
        }).ToList();
    }

    /// <summary>How a person whose account no longer exists (deleted: Accounts does not know the id) is shown.</summary>
    public const string DeletedAccountName = "Deleted account";

    private static string NameOf(Guid userId, IReadOnlyDictionary<Guid, UserSummary> names) =>
        names.TryGetValue(userId, out var user) ? user.DisplayName : DeletedAccountName;
}
