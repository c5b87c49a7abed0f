using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Room.NameMaxLength);
        builder.Property(r => r.DirectKey).HasMaxLength(65);
        builder.HasIndex(r => r.DirectKey).IsUnique();
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomMemberConfiguration : IEntityTypeConfiguration<RoomMember>
{
    public void Configure(EntityTypeBuilder<RoomMember> builder)
    {
        builder.ToTable("room_members");
        builder.HasKey(m => new { m.RoomId, m.UserId });
        builder.HasIndex(m => m.UserId);
    }
}

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

internal sealed class RoomEventConfiguration : IEntityTypeConfiguration<RoomEvent>
{
    public void Configure(EntityTypeBuilder<RoomEvent> builder)
    {
        builder.ToTable("room_events");
        builder.HasKey(e => new { e.RoomId, e.Seq });
        builder.Property(e => e.Kind).HasMaxLength(40).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(Reaction.EmojiMaxLength);
        builder.HasOne<Room>().WithMany().HasForeignKey(e => e.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> builder)
    {
        builder.ToTable("blocks");
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        builder.HasIndex(b => b.BlockedId);
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("reactions");
        builder.HasKey(r => new { r.MessageId, r.UserId, r.Emoji });
        builder.Property(r => r.Emoji).HasMaxLength(Reaction.EmojiMaxLength).IsRequired();
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
