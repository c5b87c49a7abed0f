using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Where every module keeps its data. Read once from configuration:
/// <c>Database:Provider</c> (<c>Sqlite</c> or <c>MySql</c>; defaults to MySql when <c>ConnectionStrings:MySql</c> is set;
/// Sqlite is Development's embedded default, and the host refuses to start on it in any other environment, ADR 16),
/// <c>Database:SqliteDirectory</c> (default <c>data</c> under the content root),
/// <c>Database:ApplyMigrationsOnStartup</c> (default: on in Development and for SQLite, off otherwise),
/// <c>Database:MySqlServerVersion</c> (e.g. <c>10.11.6-mariadb</c>; detected from the server when empty).
/// </summary>
public sealed record DatabaseSettings(
    DatabaseProvider Provider,
    string? MySqlConnectionString,
    string SqliteDirectory,
    bool ApplyMigrationsOnStartup,
    string? MySqlServerVersion)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Database");
        var mySql = configuration.GetConnectionString("MySql");
        var providerText = section["Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = string.IsNullOrWhiteSpace(mySql) ? DatabaseProvider.Sqlite : DatabaseProvider.MySql;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported; use 'Sqlite' or 'MySql'.");
        }

        if (provider == DatabaseProvider.MySql && string.IsNullOrWhiteSpace(mySql))
        {
            throw new InvalidOperationException("Database:Provider is MySql but ConnectionStrings:MySql is not set.");
        }

        var directory = section["SqliteDirectory"];
        directory = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? "data" : directory, environment.ContentRootPath);
        var migrate = section.GetValue<bool?>("ApplyMigrationsOnStartup")
            ?? (environment.IsDevelopment() || provider == DatabaseProvider.Sqlite);
        return new DatabaseSettings(provider, mySql, directory, migrate, section["MySqlServerVersion"]);
    }
}
