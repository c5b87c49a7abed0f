using ChatApp.IntegrationTests.Infrastructure;
using MySqlConnector;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The deployable itself, run as operators run it: `ChatApp.Host migrate`, and a Production start.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task The_migrate_verb_creates_every_module_schema_with_its_own_history_and_exits()
    {
        var database = "chatapp_t_migrate_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE `{database}`");
        try
        {
            var connectionString = new MySqlConnectionStringBuilder(TestServers.MySql) { Database = database }.ConnectionString;

            var (exitCode, output) = await HostProcess.RunToExitAsync(["migrate"], new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__MySql"] = connectionString,
                ["ConnectionStrings__Redis"] = TestServers.Redis,
                ["Hangfire__RedisPrefix"] = $"chatapp-test:{Guid.NewGuid():N}:",
                ["Jwt__SigningKey"] = "process-test-signing-key-0123456789-abcdefghij",
            });

            Assert.True(exitCode == 0, output);
            var tables = await QueryListAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{database}'");
            Assert.Contains("accounts___EFMigrationsHistory", tables);
            Assert.Contains("accounts_users", tables);
            Assert.Contains("accounts_outbox_messages", tables);
            Assert.Contains("chat___EFMigrationsHistory", tables);
            Assert.Contains("chat_messages", tables);
            Assert.Contains("media___EFMigrationsHistory", tables);
            Assert.Contains("media_images", tables);
            Assert.All(tables, t => Assert.True(
                t.StartsWith("accounts_", StringComparison.Ordinal) || t.StartsWith("chat_", StringComparison.Ordinal) || t.StartsWith("media_", StringComparison.Ordinal)
                || t.StartsWith("recommendation_", StringComparison.Ordinal) || t.StartsWith("notifications_", StringComparison.Ordinal)
                || t.StartsWith("moderation_", StringComparison.Ordinal), t));
            Assert.Contains("recommendation_ratings", tables);
            Assert.Contains("notifications_devices", tables);
            Assert.Contains("notifications_pushes", tables);
            Assert.Contains("moderation_reports", tables);
            Assert.Contains("moderation_audit_log", tables);
            Assert.NotEmpty(await QueryListAsync($"SELECT MigrationId FROM `{database}`.`accounts___EFMigrationsHistory`"));
            Assert.NotEmpty(await QueryListAsync($"SELECT MigrationId FROM `{database}`.`chat___EFMigrationsHistory`"));
        }
        finally
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_signing_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatapp-nokey-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await HostProcess.RunToExitAsync([], new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Database__SqliteDirectory"] = folder,
            });

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Jwt:SigningKey must be set in Production", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    internal static async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(TestServers.MySql);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryListAsync(string sql)
    {
        await using var connection = new MySqlConnection(TestServers.MySql);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
