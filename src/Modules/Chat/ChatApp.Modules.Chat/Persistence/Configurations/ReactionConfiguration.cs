using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

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
