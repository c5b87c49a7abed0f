using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatApp.Modules.Notifications.Persistence.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Token).HasMaxLength(Device.MaxTokenLength);
        builder.Property(d => d.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.AppId).HasMaxLength(Device.MaxAppIdLength);
        builder.Property(d => d.Locale).HasMaxLength(Device.MaxLocaleLength);
        builder.HasIndex(d => d.Token).IsUnique();
        builder.HasIndex(d => d.UserId);
        builder.HasIndex(d => d.SessionId);
    }
}
