using ChatApp.BuildingBlocks.Events;
using Microsoft.EntityFrameworkCore;

namespace ChatApp.BuildingBlocks.Outbox;

public static class OutboxModelBuilderExtensions
{
    /// <summary>Adds the outbox table to a module's model (in the module's schema).</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).ValueGeneratedNever();
            outbox.Property(m => m.Type).HasMaxLength(512).IsRequired();
            outbox.Property(m => m.Content).IsRequired();
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.Property(m => m.CompletedHandlers).HasMaxLength(4000);
            outbox.Property(m => m.TraceParent).HasMaxLength(64);
            outbox.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });
        return modelBuilder;
    }

    /// <summary>Stores an integration event in the context's outbox; it is sent when the surrounding transaction commits.</summary>
    public static void AddIntegrationEvent(this DbContext context, IIntegrationEvent integrationEvent) =>
        context.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent));
}
