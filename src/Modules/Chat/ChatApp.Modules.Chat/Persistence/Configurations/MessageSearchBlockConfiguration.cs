using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class MessageSearchBlockConfiguration : IEntityTypeConfiguration<MessageSearchBlock>
{
    public void Configure(EntityTypeBuilder<MessageSearchBlock> builder)
    {
        builder.ToTable("message_search_blocks");
        builder.HasKey(b => new { b.RoomId, b.Block });
        builder.Property(b => b.Block).ValueGeneratedNever();
        builder.Property(b => b.Bits).HasColumnType($"varbinary({Search.SearchBloom.Bytes})").IsRequired();
        // A search reads my rooms' blocks newest first (by their last message), only the keys and times from this index.
        builder.HasIndex(b => new { b.RoomId, b.LastAt, b.FirstAt });
        builder.HasOne<Room>().WithMany().HasForeignKey(b => b.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
