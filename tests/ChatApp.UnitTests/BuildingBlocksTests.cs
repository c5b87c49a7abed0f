using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatApp.UnitTests;

public sealed class BuildingBlocksTests
{
    [Fact]
    public void Outbox_retry_delay_doubles_from_the_base_and_stops_at_the_cap()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(10) };

        var delays = Enumerable.Range(1, 6).Select(options.RetryDelay).Select(d => d.TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RetryDelay(1000));
    }

    [Theory]
    [InlineData(ErrorType.Validation, 400)]
    [InlineData(ErrorType.Unauthorized, 401)]
    [InlineData(ErrorType.Forbidden, 403)]
    [InlineData(ErrorType.NotFound, 404)]
    [InlineData(ErrorType.Conflict, 409)]
    [InlineData(ErrorType.TooManyRequests, 429)]
    [InlineData(ErrorType.Failure, 422)]
    public void Each_error_type_maps_to_one_status_code_with_its_code_in_the_problem(ErrorType type, int status)
    {
        var problem = new Error("x.code", "message", type).ToProblem();

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal("x.code", problem.ProblemDetails.Extensions["code"]);
        Assert.Equal("message", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void A_validation_error_becomes_a_validation_problem_listing_fields()
    {
        var problem = Error.Validation("email", "bad").ToProblem();

        var details = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.Equal(["bad"], details.Errors["email"]);
    }

    [Fact]
    public void A_failed_result_has_no_value()
    {
        Result<int> result = Error.NotFound("n", "none");

        Assert.False(result.IsSuccess);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Theory]
    [InlineData("Email", "email")]
    [InlineData("DisplayName", "displayName")]
    [InlineData("Items[0].Name", "items[0].name")]
    public void Validation_field_names_follow_the_json_body(string property, string field) =>
        Assert.Equal(field, ValidationBehavior<Mediator.IMessage, Result>.JsonFieldName(property));

    [Fact]
    public void The_database_provider_follows_the_configuration()
    {
        var environment = new FakeEnvironment("Production");

        Assert.Equal(DatabaseProvider.Sqlite, DatabaseSettings.From(Config(), environment).Provider);
        Assert.Equal(DatabaseProvider.MySql, DatabaseSettings.From(Config(("ConnectionStrings:MySql", "Server=db")), environment).Provider);
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseSettings.From(Config(("ConnectionStrings:MySql", "Server=db"), ("Database:Provider", "sqlite")), environment).Provider);
        Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Config(("Database:Provider", "MySql")), environment));
        Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Config(("Database:Provider", "Oracle")), environment));
    }

    [Fact]
    public void Migrations_run_at_startup_in_development_and_for_sqlite_but_not_for_mysql_in_production()
    {
        var mySql = ("ConnectionStrings:MySql", "Server=db");

        Assert.False(DatabaseSettings.From(Config(mySql), new FakeEnvironment("Production")).ApplyMigrationsOnStartup);
        Assert.True(DatabaseSettings.From(Config(mySql), new FakeEnvironment("Development")).ApplyMigrationsOnStartup);
        Assert.True(DatabaseSettings.From(Config(), new FakeEnvironment("Production")).ApplyMigrationsOnStartup);
        Assert.True(DatabaseSettings.From(Config(mySql, ("Database:ApplyMigrationsOnStartup", "true")), new FakeEnvironment("Production")).ApplyMigrationsOnStartup);
    }

    internal static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}

internal sealed class FakeEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "ChatApp.Tests";

    public string ContentRootPath { get; set; } = Path.GetTempPath();

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
