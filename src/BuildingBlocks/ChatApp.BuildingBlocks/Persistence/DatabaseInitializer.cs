using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings every module's schema up to date, then runs the modules' initializers. MySQL: applies each module's EF Core
    /// migrations. SQLite (embedded default): each module has its own file, so <c>EnsureCreated</c> creates every module's tables.
    /// </summary>
    public static async Task InitializeModulesAsync(this IServiceProvider services, bool applySchema, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var registry = services.GetRequiredService<ModuleDatabaseRegistry>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (applySchema)
        {
            foreach (var database in registry.All)
            {
                await using var scope = services.CreateAsyncScope();
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                if (settings.Provider == DatabaseProvider.Sqlite)
                {
                    Directory.CreateDirectory(settings.SqliteDirectory);
                    await context.Database.EnsureCreatedAsync(cancellationToken);
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                    logger.LogInformation("Module {Module}: SQLite database ready", database.Module);
                }
                else
                {
                    var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                    await context.Database.MigrateAsync(cancellationToken);
                    logger.LogInformation("Module {Module}: applied {Count} migration(s)", database.Module, pending.Count);
                }
            }
        }
        else if (settings.Provider == DatabaseProvider.MySql && await PendingMigrationsAsync(services, registry, cancellationToken) is { Count: > 0 } behind)
        {
            // A release's instances may start before its migration Job has run (Kubernetes applies both together): serve
            // nothing until then (readiness reports the schema) and leave seeding to `migrate`, which runs the initializers.
            logger.LogWarning("The database schema is behind this build ({Pending}); this instance stays unready until `ChatApp.Host migrate` has run",
                string.Join(", ", behind));
            return;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var initializer in scope.ServiceProvider.GetServices<IModuleInitializer>())
            {
                await initializer.InitializeAsync(cancellationToken);
            }
        }
    }

    private static async Task<List<string>> PendingMigrationsAsync(IServiceProvider services, ModuleDatabaseRegistry registry, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var database in registry.All)
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var count = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (count > 0)
            {
                pending.Add($"{database.Module}: {count} migration(s) pending");
            }
        }

        return pending;
    }
}
