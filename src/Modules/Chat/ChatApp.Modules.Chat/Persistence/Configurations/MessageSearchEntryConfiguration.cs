using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class MessageSearchEntryConfiguration : IEntityTypeConfiguration<MessageSearchEntry>
{
    public void Configure(EntityTypeBuilder<MessageSearchEntry> builder)
    {
        builder.ToTable("message_search");
        builder.HasKey(e => e.MessageId);
        builder.Property(e => e.MessageId).ValueGeneratedNever();
        builder.Property(e => e.Folded).IsRequired();
        // Bigram words (about 10 characters per character of text) outgrow TEXT for long messages; SQLite reads it as TEXT.
        builder.Property(e => e.Grams).HasColumnType("mediumtext").IsRequired();
        // Newest first within one room (a search with roomId; the SQLite path).
        builder.HasIndex(e => new { e.RoomId, e.CreatedAt });
        // MySQL/MariaDB only (SQLite ignores the annotation): the index every search starts from.
        builder.HasIndex(e => e.Grams).IsFullText();
        builder.HasOne<Message>().WithOne().HasForeignKey<MessageSearchEntry>(e => e.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
