using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Domain;
using ChatApp.Modules.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>The provider sign-in routes as the app calls them, and what the tests read back from the Accounts tables.</summary>
public sealed class ExternalApi(ChatAppFactory factory, AccountsApi api)
{
    public Task<HttpResponseMessage> PostSignInAsync(string provider, string token, string? nonce = null, string? name = null) =>
        api.Anonymous().PostAsJsonAsync($"/api/v1/accounts/external/{provider}", new { token, nonce, name, deviceName = "test phone" });

    /// <summary>Signs in and expects <paramref name="expected"/> (201 the first time, 200 after).</summary>
    public async Task<Tokens> SignInAsync(string provider, string token, string? nonce = null, string? name = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await PostSignInAsync(provider, token, nonce, name);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    /// <summary>Expects a problem with this status and code.</summary>
    public static async Task ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(code, (await Problem.ReadAsync(response)).Code);
    }

    /// <summary>Accounts other than the seeded administrator.</summary>
    public async Task<int> UserCountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.CountAsync(u => u.Email != ChatAppFactory.AdminEmail);
    }

    public async Task<int> RegisteredEventCountAsync(Guid userId)
    {
        using var scope = factory.Services.CreateScope();
        var messages = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>()
            .Where(m => m.Type.Contains("UserRegisteredIntegrationEvent"))
            .Select(m => m.Content)
            .ToListAsync();
        return messages.Count(content => content.Contains(userId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The <c>ProviderPictureFoundIntegrationEvent</c>s naming the user: whether each was handled (processed) yet.</summary>
    public async Task<IReadOnlyList<bool>> PictureEventsAsync(Guid userId)
    {
        using var scope = factory.Services.CreateScope();
        var messages = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type.Contains("ProviderPictureFoundIntegrationEvent"))
            .Select(m => new { m.Content, m.ProcessedAt })
            .ToListAsync();
        return messages.Where(m => m.Content.Contains(userId.ToString(), StringComparison.OrdinalIgnoreCase)).Select(m => m.ProcessedAt is not null).ToList();
    }

    /// <summary>Makes the session look signed in <paramref name="by"/> earlier than it was.</summary>
    public async Task AgeSessionAsync(Guid sessionId, TimeSpan by)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        session.CreatedAt -= by;
        await db.SaveChangesAsync();
    }

    internal async Task<User> UserAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }
}
