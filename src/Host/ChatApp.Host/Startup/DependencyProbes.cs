using System.Net.Sockets;
using MySqlConnector;
using StackExchange.Redis;

namespace ChatApp.Host.Startup;

/// <summary>
/// One connection to each server the deployment depends on, each bounded by a short timeout and all at once, so that
/// an unreachable server stops the start within seconds instead of failing the first requests.
/// </summary>
internal static class DependencyProbes
{
    public static async Task<IEnumerable<string>> ProbeAsync(IConfiguration configuration, bool migrateOnly, TimeSpan timeout)
    {
        var probes = new List<Task<string?>> { MySqlAsync(configuration.GetConnectionString("MySql")!, timeout) };
        if (!migrateOnly)
        {
            probes.Add(RedisAsync(configuration.GetConnectionString("Redis")!, timeout));
            if (configuration["Media:Storage"] == "S3")
            {
                probes.Add(S3Async(configuration["Media:S3:ServiceUrl"], configuration["Media:S3:Region"] ?? "us-east-1", timeout));
            }
        }

        var results = await Task.WhenAll(probes);
        return results.OfType<string>();
    }

    /// <summary>Opens a connection to the server (not to the database, which <c>migrate</c> may be about to create).</summary>
    private static async Task<string?> MySqlAsync(string connectionString, TimeSpan timeout)
    {
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            return $"ConnectionStrings:MySql is not a valid connection string ({exception.Message}).";
        }

        var where = $"{builder.Server}:{builder.Port}";
        builder.Database = "";
        builder.ConnectionTimeout = (uint)Math.Max(1, timeout.TotalSeconds);
        builder.Pooling = false;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync(deadline.Token);
            return null;
        }
        catch (Exception exception) when (exception is MySqlException or OperationCanceledException or SocketException)
        {
            return $"MySQL at {where} is unreachable: {FirstLine(exception.Message)}";
        }
    }

    private static async Task<string?> RedisAsync(string connectionString, TimeSpan timeout)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            return $"ConnectionStrings:Redis is not a valid connection string ({exception.Message}).";
        }

        var where = string.Join(", ", options.EndPoints.Select(EndPointCollection.ToString));
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        options.SyncTimeout = (int)timeout.TotalMilliseconds;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
            await redis.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return $"Redis at {where} is unreachable.";
        }
    }

    /// <summary>A TCP connection to the S3 endpoint (the configured service URL, or AWS S3 in the region).</summary>
    private static async Task<string?> S3Async(string? serviceUrl, string region, TimeSpan timeout)
    {
        var endpoint = string.IsNullOrWhiteSpace(serviceUrl) ? new Uri($"https://s3.{region}.amazonaws.com") : new Uri(serviceUrl);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token);
            return null;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return $"Object storage (S3) at {endpoint.Authority} is unreachable: {FirstLine(exception.Message)}";
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
