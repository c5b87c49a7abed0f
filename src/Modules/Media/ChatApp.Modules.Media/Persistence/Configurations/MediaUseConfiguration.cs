using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Media.Persistence.Configurations;

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
