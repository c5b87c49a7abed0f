using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class ChangePasswordTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string NewPassword = "N3w-Passphrase";

    [Fact]
    public async Task Changing_the_password_signs_out_other_devices_and_keeps_this_one()
    {
        var user = await Api.NewUserAsync();
        var otherDevice = await Api.LoginAsync(user.Email, deviceName: "old laptop");

        var response = await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = user.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(otherDevice.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(otherDevice.RefreshToken)).StatusCode);
        await Api.RefreshAsync(user.Tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostLoginAsync(user.Email, user.Password)).StatusCode);
        await Api.LoginAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_400_on_that_field_and_changes_nothing()
    {
        var user = await Api.NewUserAsync();
        var otherDevice = await Api.LoginAsync(user.Email);

        var response = await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = "Not-The-Passw0rd", newPassword = NewPassword });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["currentPassword"], problem.Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(otherDevice.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        await Api.LoginAsync(user.Email, user.Password);
    }

    [Fact]
    public async Task A_weak_new_password_is_a_400_on_the_new_password()
    {
        var user = await Api.NewUserAsync();

        var response = await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = user.Password, newPassword = "weak" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["newPassword"], problem.Errors.Keys);
    }

    [Fact]
    public async Task A_weak_new_password_and_a_missing_current_one_are_reported_together()
    {
        var user = await Api.NewUserAsync();

        var response = await Api.As(user).PostAsJsonAsync("/api/v1/accounts/me/password", new { currentPassword = "", newPassword = "weak" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["currentPassword", "newPassword"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
