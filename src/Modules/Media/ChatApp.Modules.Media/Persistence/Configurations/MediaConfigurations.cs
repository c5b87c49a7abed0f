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

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> builder)
    {
        builder.ToTable("variants");
        builder.HasKey(v => new { v.MediaId, v.Name });
        builder.Property(v => v.Name).HasMaxLength(32);
        builder.Property(v => v.Key).HasMaxLength(200).IsRequired();
        builder.Property(v => v.ContentType).HasMaxLength(40).IsRequired();
    }
}

internal sealed class MediaUseConfiguration : IEntityTypeConfiguration<MediaUse>
{
    public void Configure(EntityTypeBuilder<MediaUse> builder)
    {
        builder.ToTable("uses");
        builder.HasKey(u => new { u.MediaId, u.Holder });
        builder.Property(u => u.Holder).HasMaxLength(MediaUse.HolderMaxLength);
        builder.HasIndex(u => u.Holder);
        builder.HasOne<MediaImage>().WithMany().HasForeignKey(u => u.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
