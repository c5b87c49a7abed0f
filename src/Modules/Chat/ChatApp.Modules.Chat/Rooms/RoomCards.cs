using ChatApp.BuildingBlocks.Caching;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Rooms' cards (<see cref="RoomCard"/>) through the query cache, under the tag <c>room:{id}</c>: read on every history
/// page (is the reader a member?), typing signal and room view. Whatever changes a card (members joining or leaving,
/// the owner changing, the room being created) forgets it after its commit, on every node: a removed member's next
/// read, on any node, is refused. Inside a transaction the cards are read from the database and not cached: they
/// may hold what that transaction has not committed yet.
/// <para>
/// Not used by the send path: the batched writer reads the batch's rooms and members in one query per batch, inside
/// its transaction, and needs them for the broadcast anyway (docs/adr/0019-query-cache.md).
/// </para>
/// </summary>
internal sealed class RoomCards(QueryCache cache)
{
    public const string Name = "rooms";

    public static string Tag(Guid roomId) => QueryCacheKeys.Tag("room", roomId);

    public static string Key(Guid roomId) => "chat:room:" + roomId.ToString("N");

    /// <summary>The room's card, or null when it does not exist.</summary>
    public async Task<RoomCard?> GetAsync(ChatDbContext db, Guid roomId, CancellationToken cancellationToken) =>
        (await GetManyAsync(db, [roomId], cancellationToken)).GetValueOrDefault(roomId);

    /// <summary>The cards of the rooms that exist among <paramref name="roomIds"/>.</summary>
    public async Task<IReadOnlyDictionary<Guid, RoomCard>> GetManyAsync(ChatDbContext db, IReadOnlyCollection<Guid> roomIds, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await LoadAsync(db, roomIds.Distinct().ToList(), cancellationToken);
        }

        return await cache.GetOrLoadManyAsync(Name, roomIds, Tag, Key, (ids, ct) => LoadAsync(db, ids, ct), cancellationToken);
    }

    /// <summary>Every node reads the room's card afresh once the command being handled has committed.</summary>
    public void ForgetAfterCommit(AfterCommit afterCommit, Guid roomId) => afterCommit.Run(_ => cache.InvalidateAsync([Tag(roomId)]));

    private static async Task<IReadOnlyDictionary<Guid, RoomCard>> LoadAsync(ChatDbContext db, IReadOnlyList<Guid> roomIds, CancellationToken cancellationToken)
    {
        var rows = await db.Rooms.AsNoTracking()
            .Where(r => roomIds.Contains(r.Id))
            .SelectMany(r => r.Members, (r, m) => new { r.Id, r.Kind, r.Name, r.OwnerId, m.UserId, m.Role, m.JoinedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => new RoomCard(
            g.Key, g.First().Kind, g.First().Name, g.First().OwnerId,
            g.OrderBy(m => RoomRoles.Rank(m.Role)).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                .Select(m => new RoomCardMember(m.UserId, m.Role, m.JoinedAt)).ToList()));
    }
}
