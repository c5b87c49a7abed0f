using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Chat.Persistence.Configurations;

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> builder)
    {
        builder.ToTable("blocks");
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        builder.HasIndex(b => b.BlockedId);
    }
}
