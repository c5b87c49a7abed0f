using Microsoft.EntityFrameworkCore;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Lets a module's background work (its outbox dispatcher, a sender of its own) wait until the module's schema has every
/// migration of this build before it queries tables or columns a migration has yet to add (ADR 15).
/// </summary>
public interface IModuleSchema<TContext>
    where TContext : DbContext
{
    /// <summary>Returns at once on SQLite or a current schema; otherwise polls every <paramref name="poll"/>.</summary>
    Task WaitUntilCurrentAsync(TimeSpan poll, CancellationToken cancellationToken);
}
