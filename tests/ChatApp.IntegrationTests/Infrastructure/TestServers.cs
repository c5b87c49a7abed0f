namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// The real MariaDB and Redis the integration tests run against, started on 127.0.0.1 by <c>tests/services.sh</c>
/// (which <c>tests/run.sh</c> and CI call). Connection details come from the environment.
/// </summary>
internal static class TestServers
{
    public static string MySql => Require("CHATAPP_TEST_MYSQL");

    public static string Redis => Require("CHATAPP_TEST_REDIS");

    /// <summary>An S3-compatible server (s3rver) for the Media module's S3 storage.</summary>
    public static string S3 => Require("CHATAPP_TEST_S3");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. The integration tests run against real MariaDB and Redis: run `bash tests/run.sh` " +
                "(it starts both on 127.0.0.1), or `eval \"$(bash tests/services.sh start)\"` before `dotnet test`.");
}
