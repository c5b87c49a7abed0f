using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class PendingNotificationConfiguration : IEntityTypeConfiguration<PendingNotification>
{
    public void Configure(EntityTypeBuilder<PendingNotification> builder)
    {
        builder.ToTable("pending_notifications");
        builder.HasKey(n => new { n.UserId, n.MessageId });
        builder.HasIndex(n => new { n.UserId, n.RoomId, n.Seq });
        builder.HasOne<Message>().WithMany().HasForeignKey(n => n.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
