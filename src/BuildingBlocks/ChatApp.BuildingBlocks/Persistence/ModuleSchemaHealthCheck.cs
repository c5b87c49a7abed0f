using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Ready only when the module's MySQL schema has every migration this build knows (ADR 15). Outside Development the host
/// does not migrate; a release's migration Job does. A new instance that starts before that Job has finished stays out
/// of the Service instead of serving on an old schema, and the rollout waits for it (old instances keep serving).
/// SQLite (the embedded default) creates its tables at start and has no migrations to wait for.
/// </summary>
internal sealed class ModuleSchemaHealthCheck<TContext>(IServiceScopeFactory scopes, DatabaseSettings settings) : IHealthCheck, IModuleSchema<TContext>
    where TContext : DbContext
{
    // Once every migration is applied it stays so for the life of the process: later probes do not ask the database.
    private volatile bool _current;

    /// <summary>
    /// Waits until the schema has every migration of this build (at once on SQLite or a current schema): the module's
    /// background work (its outbox dispatcher) must not run queries against tables or columns a migration has yet to add.
    /// </summary>
    public async Task WaitUntilCurrentAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if ((await CheckHealthAsync(new HealthCheckContext(), cancellationToken)).Status == HealthStatus.Healthy)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is not reachable yet: the readiness check reports it; keep waiting.
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (settings.Provider != DatabaseProvider.MySql)
        {
            return HealthCheckResult.Healthy("SQLite: created at start");
        }

        if (_current)
        {
            return HealthCheckResult.Healthy("every migration applied");
        }

        await using var scope = scopes.CreateAsyncScope();
        var pending = (await scope.ServiceProvider.GetRequiredService<TContext>().Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        _current = pending.Count == 0;
        return pending.Count == 0
            ? HealthCheckResult.Healthy("every migration applied")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet (first: {pending[0]}); run `ChatApp.Host migrate`.");
    }
}
