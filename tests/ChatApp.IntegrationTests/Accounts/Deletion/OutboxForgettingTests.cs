using System.Net;
using System.Net.Http.Json;
using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

public sealed class OutboxForgettingTests(DeletionFactory factory) : IntegrationTest<DeletionFactory>(factory)
{
    [Fact]
    public async Task An_outbox_message_being_delivered_during_the_deletion_is_forgotten_once_its_delivery_ends()
    {
        var user = await Api.NewUserAsync("Leased Lena");
        var mention = user.Id.ToString();
        Guid registered;
        using (var scope = Factory.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>();
            await Eventually.Async(async () => await outbox.AnyAsync(m => m.Content.Contains(mention) && m.ProcessedAt != null), because: "the registration delivered");
            registered = await outbox.Where(m => m.Content.Contains(mention) && m.Content.Contains("Leased Lena")).Select(m => m.Id).FirstAsync();
            // As if another node were delivering it at the moment of the deletion.
            DateTime? leaseEnd = DateTime.UtcNow.AddHours(1);
            await outbox.Where(m => m.Id == registered)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null).SetProperty(m => m.LockedUntil, leaseEnd));
        }

        using (var deleted = await Api.As(user.Tokens.AccessToken).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me")
               {
                   Content = JsonContent.Create(new { password = user.Password }),
               }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // The forgetting handler fails (and is retried) while the lease holds; the message stays with its delivery.
        await Eventually.Async(async () => (await DeletedEventAsync(user.Id)) is { Attempts: > 0, ProcessedAt: null }, because: "the handler waits for the lease");
        Assert.True(await ExistsAsync(registered));

        using (var scope = Factory.Services.CreateScope())
        {
            DateTime? now = DateTime.UtcNow;
            await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().Where(m => m.Id == registered)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.LockedUntil, (DateTime?)null));
        }

        await Eventually.Async(async () => (await DeletedEventAsync(user.Id)) is { ProcessedAt: not null }, TimeSpan.FromSeconds(60), "the retry");
        Assert.False(await ExistsAsync(registered));
        using (var scope = Factory.Services.CreateScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().Where(m => m.Content.Contains(mention)).Select(m => m.Type).ToListAsync();
            Assert.All(left, type => Assert.DoesNotContain("Registered", type, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_late_write_in_another_module_is_erased_by_the_repeated_deletion_event()
    {
        var user = await Api.NewUserAsync("Late Larry");
        using (var deleted = await Api.As(user.Tokens.AccessToken).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me")
               {
                   Content = JsonContent.Create(new { password = user.Password }),
               }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Eventually.Async(async () => (await DeletedEventAsync(user.Id)) is { ProcessedAt: not null }, because: "the first pass");

        // What a request accepted just before the deletion stores just after the first pass.
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatApp.Modules.Notifications.Persistence.NotificationsDbContext>();
            db.RoomMutes.Add(new ChatApp.Modules.Notifications.Domain.RoomMute { UserId = user.Id, RoomId = Guid.NewGuid(), CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await Eventually.Async(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            return !await scope.ServiceProvider.GetRequiredService<ChatApp.Modules.Notifications.Persistence.NotificationsDbContext>().RoomMutes.AnyAsync(m => m.UserId == user.Id);
        }, TimeSpan.FromSeconds(90), "the repeated event");
    }

    private async Task<OutboxMessage?> DeletedEventAsync(Guid userId)
    {
        using var scope = Factory.Services.CreateScope();
        var mention = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AsNoTracking()
            .OrderBy(m => m.OccurredAt).FirstOrDefaultAsync(m => m.Type.Contains(nameof(AccountDeletedIntegrationEvent)) && m.Content.Contains(mention));
    }

    private async Task<bool> ExistsAsync(Guid id)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Set<OutboxMessage>().AnyAsync(m => m.Id == id);
    }
}
