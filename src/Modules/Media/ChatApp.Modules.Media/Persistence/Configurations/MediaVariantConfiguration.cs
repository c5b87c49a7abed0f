using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Media.Persistence.Configurations;

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
