using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class RegisterTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Registering_returns_201_with_the_user_id_and_a_location()
    {
        var email = AccountsApi.UniqueEmail();

        var response = await Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName = "Ann" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("userId").GetGuid();
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("o'brien+chat@example.com")]
    [InlineData("zoë.müller@example.de")]
    public async Task Any_valid_email_address_can_register(string localPart)
    {
        var email = Guid.NewGuid().ToString("N")[..6] + localPart;

        var response = await Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName = "Ann" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Api.LoginAsync(email);
    }

    [Fact]
    public async Task Registering_an_email_twice_is_a_409_even_with_different_case()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);

        var response = await Api.PostRegisterAsync(new { email = email.ToUpperInvariant(), password = AccountsApi.Password, displayName = "Other" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal("accounts.email_taken", problem.Code);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_one_account()
    {
        var email = AccountsApi.UniqueEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName = "Racer" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData("short1A", "password")]
    [InlineData("alllowercase1", "password")]
    [InlineData("NoDigitsHere", "password")]
    public async Task A_weak_password_is_a_400_naming_the_password_field(string password, string field)
    {
        var response = await Api.PostRegisterAsync(new { email = AccountsApi.UniqueEmail(), password, displayName = "Ann" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal("validation_failed", problem.Code);
        Assert.True(problem.Errors.ContainsKey(field), string.Join(",", problem.Errors.Keys));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_the_password_rules_included()
    {
        var response = await Api.PostRegisterAsync(new { email = "not-an-email", password = "weakpass", displayName = " ", handle = "-x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal(["displayName", "email", "handle", "password"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        // Every broken password rule at once: no digit, no upper-case letter.
        Assert.Equal(2, problem.Errors["password"].Length);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("missing-domain@")]
    [InlineData("no-dot@localhost")]
    [InlineData("")]
    public async Task A_bad_email_is_a_400_naming_the_email_field(string email)
    {
        var response = await Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName = "Ann" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(["email"], problem.Errors.Keys);
    }

    [Fact]
    public async Task Every_invalid_field_is_listed_at_once()
    {
        var response = await Api.PostRegisterAsync(new { email = "x", password = "", displayName = "   " });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["displayName", "email", "password"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var response = await Api.Anonymous().PostAsync("/api/v1/accounts/register",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
    }
}
