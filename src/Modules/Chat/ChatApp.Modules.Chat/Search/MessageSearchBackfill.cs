using ChatApp.BuildingBlocks.Persistence;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Indexes the messages that have text but no search row: those stored before the <c>MessageSearch</c> migration. Runs
/// with the module initializers (the <c>migrate</c> command, or the start of an instance that applies the schema), in
/// batches of <see cref="BatchSize"/> messages in id order; once everything is indexed it costs one anti-join that finds
/// nothing. Several runs at once are harmless: a row another run wrote first is skipped.
/// </summary>
internal sealed class MessageSearchBackfill(ChatDbContext db, ILogger<MessageSearchBackfill> logger) : IModuleInitializer
{
    public const int BatchSize = 2000;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        Guid? after = null;
        while (true)
        {
            var from = after;
            var batch = await db.Messages.AsNoTracking()
                .Where(m => m.DeletedAt == null && m.Text != "" && (from == null || m.Id.CompareTo(from.Value) > 0))
                .Where(m => !db.MessageSearch.Any(e => e.MessageId == m.Id))
                .OrderBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            var entries = batch.Select(MessageSearchIndex.EntryFor).OfType<MessageSearchEntry>().ToList();
            try
            {
                await db.InsertAllAsync(entries, cancellationToken);
                indexed += entries.Count;
            }
            catch (Exception ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Another instance indexed some of these meanwhile: write the rest one by one.
                foreach (var entry in entries)
                {
                    try
                    {
                        await db.InsertAllAsync([entry], cancellationToken);
                        indexed++;
                    }
                    catch (Exception one) when (DatabaseErrors.IsUniqueViolation(one))
                    {
                    }
                }
            }
        }

        if (indexed > 0)
        {
            logger.LogInformation("Message search: indexed {Count} message(s) stored before the index existed", indexed);
        }
    }
}
