using System.Collections.Concurrent;
using ChatApp.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pomelo.EntityFrameworkCore.MySql.Infrastructure;

namespace ChatApp.BuildingBlocks.Persistence;

public static class ModuleDbContextExtensions
{
    private static readonly ConcurrentDictionary<string, ServerVersion> ServerVersions = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers a module's DbContext on the configured provider: SQLite gets one file per module
    /// (<c>{SqliteDirectory}/{module}.db</c>); MySQL gets the module's tables prefixed by its schema
    /// (<c>{schema}_{table}</c>) and its own migrations history table. Also registers the module's outbox dispatcher
    /// and readiness checks of its database and of its schema (every migration applied). Contexts are pooled: building the options and a context's services for
    /// every scope (every hub call, every send batch) was 7% of a busy server's CPU (docs/performance.md).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module, string schema)
        where TContext : DbContext
    {
        services.AddDbContextPool<TContext>((provider, options) =>
        {
            var settings = provider.GetRequiredService<DatabaseSettings>();
            Configure(options, settings, module, schema);
        });
        services.AddSingleton(new ModuleDatabase(module, schema, typeof(TContext)));
        services.TryAddSingleton<ModuleDatabaseRegistry>();
        services.AddOutboxDispatcher<TContext>(module);
        // One instance per host (the health check service resolves it from the container): it remembers that the schema is current.
        services.TryAddSingleton<ModuleSchemaHealthCheck<TContext>>();
        services.TryAddSingleton<IModuleSchema<TContext>>(provider => provider.GetRequiredService<ModuleSchemaHealthCheck<TContext>>());
        services.AddHealthChecks().AddDbContextCheck<TContext>($"db-{module}", tags: ["ready"])
            .AddCheck<ModuleSchemaHealthCheck<TContext>>($"schema-{module}", tags: ["ready"]);
        return services;
    }

    /// <summary>Configures options for a module context; used by the host and by design-time tooling.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string module, string schema)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(settings.SqliteDirectory, module + ".db");
            options.UseSqlite($"Data Source={file};Default Timeout=30;Pooling=True");
            // Each module has its own file, so the schema name has nothing to separate there.
            options.ConfigureWarnings(warnings => warnings.Ignore(SqliteEventId.SchemaConfiguredWarning));
            return;
        }

        var connectionString = settings.MySqlConnectionString!;
        options.UseMySql(connectionString, ServerVersionFor(settings), mySql =>
        {
            mySql.MigrationsHistoryTable("__EFMigrationsHistory", schema);
            mySql.SchemaBehavior(MySqlSchemaBehavior.Translate, (schemaName, objectName) => $"{schemaName}_{objectName}");
        });
    }

    private static ServerVersion ServerVersionFor(DatabaseSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.MySqlServerVersion)
            ? ServerVersion.Parse(settings.MySqlServerVersion)
            : ServerVersions.GetOrAdd(settings.MySqlConnectionString!, ServerVersion.AutoDetect);

    /// <summary>Shared model conventions: UTC DateTimes.</summary>
    public static void UseChatAppConventions(this ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
