using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Media.Persistence.Configurations;

internal sealed class MediaImageConfiguration : IEntityTypeConfiguration<MediaImage>
{
    public void Configure(EntityTypeBuilder<MediaImage> builder)
    {
        builder.ToTable("images");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SourceFormat).HasMaxLength(16);
        builder.HasIndex(i => i.OwnerId);
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => i.ReleasedAt);
        builder.HasMany(i => i.Variants).WithOne().HasForeignKey(v => v.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
