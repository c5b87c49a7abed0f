using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

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
