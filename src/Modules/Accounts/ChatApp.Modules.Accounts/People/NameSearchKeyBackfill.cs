using ChatApp.BuildingBlocks.Persistence;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Accounts.People;

/// <summary>
/// At start-up, gives accounts made before people search (no <see cref="User.NameSearchKey"/>) their key, in batches;
/// the key and the search terms need <see cref="SearchFolding"/>, which SQL cannot do. With nothing to do it costs one index lookup.
/// </summary>
internal sealed class NameSearchKeyBackfill(AccountsDbContext db, ILogger<NameSearchKeyBackfill> logger) : IModuleInitializer
{
    private const int BatchSize = 500;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var batch = await db.Users.AsNoTracking().Where(u => u.NameSearchKey == null)
                .Select(u => new { u.Id, u.DisplayName }).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var user in batch)
            {
                var key = NameSearchKeys.For(user.Id, user.DisplayName);
                // A rename meanwhile has set the key itself: only a still-missing key for the same name is filled.
                if (await db.Users.Where(u => u.Id == user.Id && u.NameSearchKey == null && u.DisplayName == user.DisplayName)
                        .ExecuteUpdateAsync(set => set.SetProperty(u => u.NameSearchKey, key), cancellationToken) == 1)
                {
                    await db.PeopleSearchTerms.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
                    PeopleSearchTerms.AddFor(db, user.Id, user.DisplayName);
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }

            filled += batch.Count;
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (filled > 0)
        {
            logger.LogInformation("Gave {Count} accounts their people-search key", filled);
        }
    }
}
