using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>
/// Outside Development the real host refuses to start, with one line and a non-zero exit, when a server it needs is
/// not configured, half-configured or unreachable (ADR 16); with everything given it starts.
/// </summary>
public sealed class FailFastTests
{
    private const string Refusal = "ChatApp refuses to start";

    [Theory]
    [InlineData("ConnectionStrings__MySql", null, "ConnectionStrings:MySql is not set")]
    [InlineData("Database__Provider", "Sqlite", "Database:Provider is Sqlite, which only Development may use")]
    [InlineData("ConnectionStrings__Redis", null, "ConnectionStrings:Redis is not set")]
    [InlineData("Media__Storage", null, "Media:Storage is not set")]
    [InlineData("Media__S3__Bucket", null, "Media:Storage is S3 but Media:S3:Bucket is not set")]
    [InlineData("Media__Storage", "Local", "Media:Storage is Local but Media:LocalDirectory is not set")]
    [InlineData("Media__Storage", "Azure", "Media:Storage must be Local or S3.")]
    [InlineData("Jwt__SigningKey", "short-key", "Jwt:SigningKey must be at least 32 bytes.")]
    [InlineData("Jwt__SigningKey", null, "Jwt:SigningKey must be set in Production")]
    [InlineData("Email__Smtp__Host", null, "Email:Smtp is half given: Email:Smtp:Host is not set")]
    [InlineData("Email__Smtp__Password", null, "Email:Smtp:User and Email:Smtp:Password must be given together")]
    [InlineData("Email__Smtp__From", null, "Email:Smtp:From must be set")]
    [InlineData("Email__Smtp__Security", "None", "Email:Smtp:Security must be StartTls or SslOnConnect")]
    [InlineData("Email__Smtp__TrustedCertificate", "/nonexistent/cert.pem", "Email:Smtp:TrustedCertificate: neither")]
    [InlineData("Email__LinkBaseUrl", null, "Email:LinkBaseUrl must be set in Production")]
    [InlineData("Email__LinkBaseUrl", "http://chat.example.test", "Email:LinkBaseUrl must be set in Production to the absolute https address")]
    [InlineData("Chat__InviteLinkBaseUrl", null, "Chat:InviteLinkBaseUrl must be set in Production")]
    [InlineData("Chat__InviteLinkBaseUrl", "chat.example.test/i/", "Chat:InviteLinkBaseUrl must be an absolute http(s) URL")]
    [InlineData("Chat__InviteDefaultLifetime", "400.00:00:00", "Chat:InviteDefaultLifetime must be positive and at most Chat:InviteMaxLifetime")]
    [InlineData("Chat__InviteMaxLifetime", "00:00:30", "Chat:InviteMaxLifetime must be at least 60 seconds")]
    [InlineData("Chat__MaxActiveInvites", "0", "Chat:MaxActiveInvites must be positive")]
    [InlineData("Email__Smtp__Timeout", "00:00:00", "Email:Smtp:Timeout must be positive")]
    [InlineData("Email__ResetPasswordTokenLifetime", "00:00:00", "Email:ResetPasswordTokenLifetime must be positive")]
    [InlineData("Recommendation__Scale__Neutral", "7", "Recommendation:Scale needs Minimum < Neutral < Maximum")]
    public async Task Production_refuses_to_start_when_a_setting_is_missing_or_half_given(string key, string? value, string expected)
    {
        var environment = Complete("refused");
        Set(environment, key, value);

        await AssertRefusesAsync([], environment, expected);
    }

    [Fact]
    public async Task Production_refuses_to_start_when_mysql_is_unreachable()
    {
        var environment = Complete("refused");
        var port = ClosedPort();
        environment["ConnectionStrings__MySql"] = $"Server=127.0.0.1;Port={port};User ID=chatapp;Password=chatapp;";

        await AssertRefusesAsync([], environment, $"MySQL at 127.0.0.1:{port} is unreachable");
    }

    [Fact]
    public async Task Production_refuses_to_start_when_redis_is_unreachable()
    {
        var environment = Complete("refused");
        var port = ClosedPort();
        environment["ConnectionStrings__Redis"] = $"127.0.0.1:{port}";

        await AssertRefusesAsync([], environment, $"Redis at 127.0.0.1:{port} is unreachable");
    }

    [Fact]
    public async Task Production_refuses_to_start_when_object_storage_is_unreachable()
    {
        var environment = Complete("refused");
        var port = ClosedPort();
        environment["Media__S3__ServiceUrl"] = $"http://127.0.0.1:{port}";

        await AssertRefusesAsync([], environment, $"Object storage (S3) at 127.0.0.1:{port} is unreachable");
    }

    [Fact]
    public async Task Every_environment_but_development_is_checked_and_all_problems_are_named_in_the_one_line()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Staging", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" };

        var output = await AssertRefusesAsync([], environment, "ConnectionStrings:MySql is not set");

        Assert.Contains("(Staging)", output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Redis is not set", output, StringComparison.Ordinal);
        Assert.Contains("Media:Storage is not set", output, StringComparison.Ordinal);
        Assert.Contains("Jwt:SigningKey must be set in Production", output, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Host must be set in Production", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_verb_needs_mysql_only()
    {
        var database = await Nodes.CreateDatabaseAsync("migrate_only");
        try
        {
            var (exitCode, output) = await HostProcess.RunToExitAsync(["migrate"], new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__MySql"] = Complete(database)["ConnectionStrings__MySql"],
            });

            Assert.True(exitCode == 0, output);
            Assert.Contains("Migrations applied", output, StringComparison.Ordinal);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task The_migrate_verb_refuses_to_run_without_mysql()
    {
        var output = await AssertRefusesAsync(["migrate"], new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "ConnectionStrings:MySql is not set");

        Assert.DoesNotContain("Redis", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_when_everything_is_given_and_reachable()
    {
        var database = await Nodes.CreateDatabaseAsync("complete");
        try
        {
            await using var host = await HostProcess.StartServerAsync(Complete(database, migrate: true));

            using var http = new HttpClient { BaseAddress = host.Address };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            Assert.DoesNotContain(Refusal, host.Output, StringComparison.Ordinal);
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    /// <summary>A complete Production configuration (the deployment's nodes use the same one).</summary>
    private static Dictionary<string, string> Complete(string database, bool migrate = false)
    {
        var environment = Nodes.Environment(database, $"chatapp-test:{Guid.NewGuid():N}:", migrate);
        environment["Startup__ProbeTimeout"] = "00:00:03";
        return environment;
    }

    private static void Set(Dictionary<string, string> environment, string key, string? value)
    {
        if (value is null)
        {
            environment.Remove(key);
        }
        else
        {
            environment[key] = value;
        }
    }

    private static async Task<string> AssertRefusesAsync(string[] args, Dictionary<string, string> environment, string expected)
    {
        environment.TryAdd("ASPNETCORE_URLS", "http://127.0.0.1:0");
        var started = Stopwatch.GetTimestamp();

        var (exitCode, output) = await HostProcess.RunToExitAsync(args, environment);

        Assert.True(exitCode != 0, output);
        // Seconds, not the minute a hanging connection would take; generous because tests share two busy cores.
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), output);
        var refusals = output.Split('\n').Where(line => line.Contains(Refusal, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(refusals);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
        return output;
    }

    /// <summary>A loopback port with nothing listening on it.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
