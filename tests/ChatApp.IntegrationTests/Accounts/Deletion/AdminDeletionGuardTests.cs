using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

public sealed class AdminDeletionGuardTests(DeletionFactory factory) : IntegrationTest<DeletionFactory>(factory)
{
    [Fact]
    public async Task An_admin_cannot_delete_their_own_account_nor_the_last_admin_through_the_admin_route()
    {
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        var adminId = (await Api.As(admin.AccessToken).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/accounts/me")).GetProperty("id").GetGuid();

        var self = await Problem.ReadAsync(await Api.As(admin.AccessToken).DeleteAsync($"/api/v1/admin/accounts/{adminId}"));
        Assert.Equal((409, "accounts.use_own_deletion"), (self.Status, self.Code));

        // A second administrator whose role was taken away after signing in (the token still says admin) tries the
        // one remaining admin: refused, the server must keep one.
        var other = await Api.NewUserAsync("Second Admin");
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(other.Id.ToString()))!, "admin")).Succeeded);
        }

        var otherAdmin = await Api.LoginAsync(other.Email, other.Password);
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(other.Id.ToString()))!, "admin")).Succeeded);
        }

        var last = await Problem.ReadAsync(await Api.As(otherAdmin.AccessToken).DeleteAsync($"/api/v1/admin/accounts/{adminId}"));
        Assert.Equal((409, "accounts.last_admin"), (last.Status, last.Code));

        Assert.Equal(HttpStatusCode.OK, (await Api.As(admin.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
    }
}
