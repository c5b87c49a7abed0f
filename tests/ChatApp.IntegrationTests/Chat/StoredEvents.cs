using System.Text.Json;
using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>Reads the integration events a module wrote to its outbox (processed or not), oldest first.</summary>
internal static class StoredEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<List<TEvent>> ReadAsync<TContext, TEvent>(ChatAppFactory factory)
        where TContext : DbContext
        where TEvent : IIntegrationEvent
    {
        var type = $"{typeof(TEvent).FullName}, {typeof(TEvent).Assembly.GetName().Name}";
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
        return rows.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => JsonSerializer.Deserialize<TEvent>(m.Content, Json)!).ToList();
    }
}
