using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatApp.IntegrationTests.Host;

public sealed partial class AdminDashboardTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Anonymous_api_calls_to_the_dashboard_get_401()
    {
        var response = await Api.Anonymous().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_browsers_are_sent_to_the_admin_sign_in_page()
    {
        var client = Browser();

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_who_is_not_admin_gets_403()
    {
        var user = await Api.NewUserAsync();

        var response = await Api.As(user).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_seeded_admin_reaches_the_dashboard_with_a_bearer_token()
    {
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);

        var response = await Api.As(admin.AccessToken).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ChatApp jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_signs_in_in_a_browser_and_the_cookie_opens_the_dashboard()
    {
        var client = Browser();

        var signIn = await SubmitSignInAsync(client, ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/hangfire", signIn.Headers.Location!.OriginalString);
        var dashboard = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("ChatApp jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_admin_cannot_sign_in_to_the_admin_pages()
    {
        var user = await Api.NewUserAsync();
        var client = Browser();

        var signIn = await SubmitSignInAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_the_admin_account_ends_its_dashboard_cookie_and_the_form_refuses_it_until_the_app_sign_in_reactivates_it()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSignInAsync(browser, ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        using (var deactivate = await Api.As(admin.AccessToken).PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = ChatAppFactory.AdminPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
        var client = Browser();
        var refused = await SubmitSignInAsync(client, ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("deactivated", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/hangfire")).StatusCode);

        await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSignInAsync(client, ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_admin_password_ends_the_dashboard_cookies_signed_in_with_the_old_one()
    {
        const string newPassword = "N3w-Admin-Passphrase";
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSignInAsync(browser, ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);

        using (var change = await Api.As(admin.AccessToken).PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = ChatAppFactory.AdminPassword, newPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
        var again = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSignInAsync(again, ChatAppFactory.AdminEmail, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_antiforgery_token()
    {
        var client = Browser();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = ChatAppFactory.AdminEmail,
            ["password"] = ChatAppFactory.AdminPassword,
        });

        var response = await client.PostAsync("/admin/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/hangfire")).StatusCode);
    }

    private HttpClient Browser()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    private static async Task<HttpResponseMessage> SubmitSignInAsync(HttpClient client, string email, string password)
    {
        var page = await (await client.GetAsync("/admin/login?returnUrl=/hangfire")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the sign-in page has an antiforgery field");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["returnUrl"] = "/hangfire",
            ["email"] = email,
            ["password"] = password,
        });
        return await client.PostAsync("/admin/login", form);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)">""")]
    private static partial Regex AntiforgeryField();
}
