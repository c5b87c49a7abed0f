using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Notifications.Preferences;

public sealed record QuietHoursDto(string Start, string End);

public sealed record PreferencesDto(bool ShowPreviews, string? TimeZone, QuietHoursDto? QuietHours);

public sealed class PreferencesTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Route = "/api/v1/notifications/preferences";

    [Fact]
    public async Task Someone_who_never_set_preferences_gets_the_defaults()
    {
        var ann = await Api.NewUserAsync("Ann");

        using var response = await Api.As(ann).GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("showPreviews").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("timeZone").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("quietHours").ValueKind);
    }

    [Fact]
    public async Task Preferences_round_trip_per_person_and_a_put_replaces_them_all()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var night = new PreferencesDto(false, "Europe/Berlin", new QuietHoursDto("22:00", "07:00"));

        using (var put = await Api.As(ann).PutAsJsonAsync(Route, night))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(night, await put.Content.ReadFromJsonAsync<PreferencesDto>());
        }

        Assert.Equal(night, await GetAsync(ann));
        Assert.Equal(new PreferencesDto(true, null, null), await GetAsync(bob));

        // Quiet hours within one day, in another zone.
        var lunch = new PreferencesDto(true, "America/Argentina/Buenos_Aires", new QuietHoursDto("12:30", "13:45"));
        using (var put = await Api.As(ann).PutAsJsonAsync(Route, lunch))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(lunch, await GetAsync(ann));

        // PUT replaces: what is left out is cleared.
        using (var put = await Api.As(ann).PutAsJsonAsync(Route, new { showPreviews = false }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(new PreferencesDto(false, null, null), await GetAsync(ann));

        // A time zone alone (no quiet hours) is kept.
        using (var put = await Api.As(ann).PutAsJsonAsync(Route, new { showPreviews = true, timeZone = "UTC", quietHours = (object?)null }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(new PreferencesDto(true, "UTC", null), await GetAsync(ann));
    }

    [Fact]
    public async Task Invalid_preferences_are_refused_with_400_and_their_code_and_change_nothing()
    {
        var ann = await Api.NewUserAsync("Ann");
        var cases = new (object Body, string Field, string Code)[]
        {
            (new { timeZone = "Europe/Berlin" }, "showPreviews", "validation_failed"),
            (new { showPreviews = true, timeZone = "Mars/Olympus_Mons" }, "timeZone", "notifications.invalid_time_zone"),
            (new { showPreviews = true, timeZone = "W. Europe Standard Time" }, "timeZone", "notifications.invalid_time_zone"),
            (new { showPreviews = true, timeZone = "europe/berlin" }, "timeZone", "notifications.invalid_time_zone"),
            (new { showPreviews = true, timeZone = "" }, "timeZone", "notifications.invalid_time_zone"),
            (new { showPreviews = true, quietHours = new { start = "22:00", end = "07:00" } }, "timeZone", "notifications.quiet_hours_need_time_zone"),
            (new { showPreviews = true, timeZone = "Europe/Berlin", quietHours = new { start = "22:00", end = "22:00" } }, "quietHours", "notifications.invalid_quiet_hours"),
            (new { showPreviews = true, timeZone = "Europe/Berlin", quietHours = new { start = "24:00", end = "07:00" } }, "quietHours.start", "notifications.invalid_quiet_hours"),
            (new { showPreviews = true, timeZone = "Europe/Berlin", quietHours = new { start = "22:00", end = "7:00" } }, "quietHours.end", "notifications.invalid_quiet_hours"),
            (new { showPreviews = true, timeZone = "Europe/Berlin", quietHours = new { start = "22:00:00", end = "07:00" } }, "quietHours.start", "notifications.invalid_quiet_hours"),
            (new { showPreviews = true, timeZone = "Europe/Berlin", quietHours = new { start = "22:00" } }, "quietHours.end", "notifications.invalid_quiet_hours"),
        };

        foreach (var (body, field, code) in cases)
        {
            using var response = await Api.As(ann).PutAsJsonAsync(Route, body);
            var label = JsonSerializer.Serialize(body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: {response.StatusCode}");
            var problem = await Problem.ReadAsync(response);
            Assert.True(code == problem.Code, $"{label}: {problem.Code}");
            Assert.True(problem.Errors.Keys.SequenceEqual([field]), $"{label}: {string.Join(",", problem.Errors.Keys)}");
        }

        Assert.Equal(new PreferencesDto(true, null, null), await GetAsync(ann));
    }

    private async Task<PreferencesDto> GetAsync(TestUser user)
    {
        using var response = await Api.As(user).GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PreferencesDto>())!;
    }
}
