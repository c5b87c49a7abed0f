using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

/// <summary>ADR 0018: display names and bios are judged by the text rules and stored in NFC.</summary>
public sealed class ProfileTextTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Theory]
    [InlineData("Ann\0", "text.control_characters")]
    [InlineData("Ann\r\nSmith", "text.control_characters")]
    [InlineData("Ann\u009F", "text.control_characters")]
    [InlineData("Ann\u202Enimda", "text.bidi_controls")]
    [InlineData("\u2066Ann", "text.bidi_controls")]
    public async Task Registering_with_a_display_name_holding_controls_is_refused_and_creates_no_account(string displayName, string code)
    {
        var email = AccountsApi.UniqueEmail();

        var problem = await Problem.ReadAsync(await Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName }));
        var login = await Api.PostLoginAsync(email, AccountsApi.Password);

        Assert.Equal(400, problem.Status);
        Assert.Equal(code, problem.Code);
        Assert.Equal(["displayName"], problem.Errors.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_display_name_is_stored_in_nfc_and_may_hold_bidirectional_marks()
    {
        var user = await Api.NewUserAsync(" Zoe\u0308 \u200Fשרה ");

        var me = await Api.As(user).GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");

        Assert.Equal("Zo\u00EB \u200Fשרה", me.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Updating_the_profile_applies_the_same_rules_and_a_refusal_changes_nothing()
    {
        var user = await Api.NewUserAsync("Ann");
        var client = Api.As(user);

        var nul = await Problem.ReadAsync(await client.PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "Ann\0", bio = "fine" }));
        var bidi = await Problem.ReadAsync(await client.PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "\u202DAnn" }));
        var bioControl = await Problem.ReadAsync(await client.PatchAsJsonAsync("/api/v1/accounts/me", new { bio = "bell\a" }));
        var unchanged = await client.GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");
        var updated = await client.PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "Ange\u0301le", bio = "line one\r\n\tline two, cafe\u0301" });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");

        Assert.Equal("text.control_characters", nul.Code);
        Assert.Equal("text.bidi_controls", bidi.Code);
        Assert.Equal("text.control_characters", bioControl.Code);
        Assert.Equal(["bio"], bioControl.Errors.Keys);
        Assert.Equal("Ann", unchanged.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("bio").ValueKind);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Ang\u00E9le", me.GetProperty("displayName").GetString());
        Assert.Equal("line one\n\tline two, caf\u00E9", me.GetProperty("bio").GetString());
    }

    [Fact]
    public async Task A_device_name_is_judged_as_a_name_at_sign_in_and_listed_in_nfc()
    {
        var email = AccountsApi.UniqueEmail();
        await Api.RegisterAsync(email);

        var refused = await Problem.ReadAsync(await Api.PostLoginAsync(email, AccountsApi.Password, "phone\u202Eenohp"));
        var tokens = await Api.LoginAsync(email, AccountsApi.Password, "Zoe\u0308's phone");
        var sessions = await Api.As(tokens.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/accounts/sessions");

        Assert.Equal("text.bidi_controls", refused.Code);
        Assert.Equal(["deviceName"], refused.Errors.Keys);
        Assert.Equal(["Zo\u00EB's phone"], sessions.EnumerateArray().Select(s => s.GetProperty("deviceName").GetString()));
    }
}
