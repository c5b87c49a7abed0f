using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Builds the search blocks of rooms that have messages with text but no block at all: those whose messages were stored
/// before the <c>MessageSearchBlocks</c> migration. Runs with the module initializers (the <c>migrate</c> command, or the
/// start of an instance that applies the schema): <see cref="RoomBatch"/> rooms per lookup, each room in its own
/// transaction under its row lock (as a send takes it), its messages read <see cref="MessageBatch"/> at a time in sequence
/// order. Idempotent: OR-ing terms into a filter twice changes nothing, so several runs at once are harmless. Once every
/// room has blocks it costs one lookup that finds nothing.
/// </summary>
internal sealed class MessageSearchBackfill(ChatDbContext db, ILogger<MessageSearchBackfill> logger) : IModuleInitializer
{
    public const int RoomBatch = 200;
    public const int MessageBatch = 2000;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var rooms = 0;
        var messages = 0;
        Guid? after = null;
        while (true)
        {
            var from = after;
            var batch = await db.Rooms.AsNoTracking()
                .Where(r => from == null || r.Id.CompareTo(from.Value) > 0)
                .Where(r => !db.MessageSearchBlocks.Any(b => b.RoomId == r.Id))
                .Where(r => db.Messages.Any(m => m.RoomId == r.Id && m.DeletedAt == null && m.Text != ""))
                .OrderBy(r => r.Id)
                .Select(r => r.Id)
                .Take(RoomBatch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1];
            foreach (var roomId in batch)
            {
                messages += await IndexRoomAsync(roomId, cancellationToken);
                rooms++;
            }
        }

        if (rooms > 0)
        {
            logger.LogInformation("Message search: built the blocks of {Rooms} room(s), {Messages} message(s) stored before they existed", rooms, messages);
        }
    }

    private async Task<int> IndexRoomAsync(Guid roomId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RoomSequence.LockAsync(db, roomId, cancellationToken);
        var indexed = 0;
        var afterSeq = long.MinValue;
        while (true)
        {
            var from = afterSeq;
            var page = await db.Messages.AsNoTracking()
                .Where(m => m.RoomId == roomId && m.Seq > from && m.DeletedAt == null)
                .OrderBy(m => m.Seq)
                .Take(MessageBatch)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            afterSeq = page[^1].Seq;
            await MessageSearchIndex.AddAsync(db, page, cancellationToken);
            indexed += page.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        return indexed;
    }
}
