using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// <see cref="ChatAppFactory"/> on a real Kestrel socket (127.0.0.1, a free port), for a real browser: the same
/// MariaDB database of its own and settings.
/// </summary>
public sealed class KestrelChatAppFactory : ChatAppFactory
{
    public KestrelChatAppFactory() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    /// <summary>The address the host listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public override async Task InitializeAsync()
    {
        var database = new MySqlConnectionStringBuilder(DatabaseConnectionString).Database;
        await using (var connection = new MySqlConnection(TestServers.MySql))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
            await command.ExecuteNonQueryAsync();
        }

        StartServer();
    }
}
