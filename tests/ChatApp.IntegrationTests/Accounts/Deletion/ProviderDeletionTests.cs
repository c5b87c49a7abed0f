using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Results;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Domain;
using ChatApp.Modules.Accounts.External;
using ChatApp.Modules.Accounts.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>
/// The deletion host with a stand-in for the provider verification (the real verifiers and their provider stand-ins
/// belong to the social sign-in part): <c>valid:{subject}</c> verifies as that subject, anything else is refused.
/// </summary>
public sealed class ProviderDeletionFactory : DeletionFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<IExternalTokenVerifier>();
        services.AddSingleton<IExternalTokenVerifier, SubjectTokenVerifier>();
    }

    private sealed class SubjectTokenVerifier : IExternalTokenVerifier
    {
        public Task<Result<ExternalIdentity>> VerifyAsync(string provider, string token, string? nonce, CancellationToken cancellationToken) =>
            Task.FromResult<Result<ExternalIdentity>>(token.StartsWith("valid:", StringComparison.Ordinal)
                ? new ExternalIdentity(provider, token["valid:".Length..], Email: null, DisplayName: null, PictureUrl: null)
                : Error.Unauthorized("external_token_invalid", "The provider refused the token."));
    }
}

public sealed class ProviderDeletionTests(ProviderDeletionFactory factory) : IntegrationTest<ProviderDeletionFactory>(factory)
{
    [Fact]
    public async Task A_provider_account_is_deleted_only_with_a_token_of_a_login_linked_to_it()
    {
        var user = await Api.NewUserAsync("Kim");
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var entity = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.True((await users.RemovePasswordAsync(entity)).Succeeded);
            Assert.True((await users.AddLoginAsync(entity, new UserLoginInfo(ExternalProviders.Kakao, "kakao-kim", "Kakao"))).Succeeded);
        }

        var refused = await Problem.ReadAsync(await DeleteMeAsync(user, new { provider = ExternalProviders.Kakao, token = "expired" }));
        var someoneElse = await Problem.ReadAsync(await DeleteMeAsync(user, new { provider = ExternalProviders.Kakao, token = "valid:kakao-lee" }));
        var otherProvider = await Problem.ReadAsync(await DeleteMeAsync(user, new { provider = ExternalProviders.Google, token = "valid:kakao-kim" }));
        Assert.Equal((401, "external_token_invalid"), (refused.Status, refused.Code));
        Assert.Equal((403, "accounts.external_login_mismatch"), (someoneElse.Status, someoneElse.Code));
        Assert.Equal((403, "accounts.external_login_mismatch"), (otherProvider.Status, otherProvider.Code));
        Assert.Equal(HttpStatusCode.OK, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);

        using (var deleted = await DeleteMeAsync(user, new { provider = ExternalProviders.Kakao, token = "valid:kakao-kim" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);
        using var check = Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AccountsDbContext>();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == "kakao-kim"));
        Assert.False(await db.Users.AnyAsync(u => u.Id == user.Id));
    }

    private Task<HttpResponseMessage> DeleteMeAsync(TestUser user, object body) =>
        Api.As(user).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(body) });
}
