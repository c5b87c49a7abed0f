using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatApp.IntegrationTests.Moderation;

public sealed record ReportDto(Guid Id, string TargetType, Guid TargetId, string Reason, string? Note, string Status, string? Outcome, DateTime CreatedAt, DateTime? ResolvedAt);

public sealed record NoticeDto(Guid Id, string Kind, DateTime At, string? Category, string? Message, DateTime? Until, Guid? ReportId, string? Outcome);

public sealed record NoticesPageDto(List<NoticeDto> Items, string? NextCursor);

/// <summary>Reports as the app files them, and the moderators' pages as an administrator's browser uses them (cookie, antiforgery form).</summary>
public sealed partial class ModerationApi(ChatAppFactory factory, AccountsApi accounts)
{
    public Task<HttpResponseMessage> PostReportAsync(TestUser reporter, string targetType, Guid targetId, string reason = "harassment", string? note = null) =>
        accounts.As(reporter).PostAsJsonAsync("/api/v1/reports", new { targetType, targetId, reason, note });

    public async Task<ReportDto> ReportAsync(TestUser reporter, string targetType, Guid targetId, string reason = "harassment", string? note = null)
    {
        var response = await PostReportAsync(reporter, targetType, targetId, reason, note);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ReportDto>())!;
    }

    public async Task<IReadOnlyList<ReportDto>> MineAsync(TestUser reporter) =>
        (await accounts.As(reporter).GetFromJsonAsync<List<ReportDto>>("/api/v1/reports/mine"))!;

    public async Task<NoticesPageDto> NoticesAsync(TestUser user, string? cursor = null)
    {
        using var response = await accounts.As(user).GetAsync("/api/v1/moderation/notices" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<NoticesPageDto>())!;
    }

    /// <summary>A browser signed in to the admin pages with the seeded administrator.</summary>
    public async Task<HttpClient> AdminBrowserAsync()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAdminAsync(client, ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> (cookies kept, redirects not followed) in to the admin pages.</summary>
    public static async Task SignInAdminAsync(HttpClient client, string email, string password)
    {
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var page = await (await client.GetAsync("/admin/login")).Content.ReadAsStringAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [TokenName(page)] = TokenValue(page),
            ["returnUrl"] = "/admin/moderation/reports",
            ["email"] = email,
            ["password"] = password,
        });
        var signIn = await client.PostAsync("/admin/login", form);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    /// <summary>Submits the action form of a report's page; returns where it sent the browser (the report's page, with done= or error=).</summary>
    public static async Task<string> ActAsync(HttpClient admin, Guid reportId, string action, string reason, int? durationHours = null, string? message = null)
    {
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{reportId}")).Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            [TokenName(page)] = TokenValue(page),
            ["action"] = action,
            ["reason"] = reason,
        };
        if (message is not null)
        {
            fields["message"] = message;
        }

        if (durationHours is { } hours)
        {
            fields["durationHours"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await admin.PostAsync($"/admin/moderation/reports/{reportId}/actions", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static string TokenName(string page) => Token(page).Groups["name"].Value;

    private static string TokenValue(string page) => WebUtility.HtmlDecode(Token(page).Groups["value"].Value);

    private static Match Token(string page)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the page has an antiforgery field");
        return token;
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
