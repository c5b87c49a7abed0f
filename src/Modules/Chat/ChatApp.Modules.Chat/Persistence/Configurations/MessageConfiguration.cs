using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ClientMessageId).HasMaxLength(Message.ClientMessageIdMaxLength).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(Message.TextMaxLength).IsRequired();
        builder.Property(m => m.Attachments).HasMaxLength(400);
        builder.Ignore(m => m.AttachmentIds);
        builder.HasIndex(m => new { m.RoomId, m.Seq }).IsUnique();
        builder.HasIndex(m => new { m.SenderId, m.ClientMessageId }).IsUnique();
        builder.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
